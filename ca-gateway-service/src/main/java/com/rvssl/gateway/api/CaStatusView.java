package com.rvssl.gateway.api;

import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.gateway.adapters.CaOrderStatus;

/**
 * The CA's status of an order, asked just now: {@code stage} where a pending order stands
 * in the CA's checks (null otherwise), {@code dcv} one instruction per domain still to
 * validate (never null).
 */
record CaStatusView(String orderId, CertificateAuthority ca, String caOrderId, CaOrderStatus.State status,
		String caStatus, String detail, ValidationStage stage, List<DcvInstruction> dcv) {
}
