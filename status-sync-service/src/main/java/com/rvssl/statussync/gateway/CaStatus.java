package com.rvssl.statussync.gateway;

import java.util.List;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;

/**
 * The answer of {@code GET /internal/v1/orders/{orderId}/ca-status}: the neutral
 * {@code status}, the CA's own word {@code caStatus}, what it is waiting for
 * ({@code detail}), where a pending order stands in the CA's checks ({@code stage}, may
 * be null) and what each domain still has to show ({@code dcv}, never null).
 */
public record CaStatus(String orderId, String ca, String caOrderId, CaOrderStatus status, String caStatus,
		String detail, ValidationStage stage, List<DcvInstruction> dcv) {

	public CaStatus {
		dcv = (dcv != null) ? List.copyOf(dcv) : List.of();
	}

	public CaStatus(String orderId, String ca, String caOrderId, CaOrderStatus status, String caStatus, String detail) {
		this(orderId, ca, caOrderId, status, caStatus, detail, null, List.of());
	}

}
