package com.rvssl.gateway.api;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.gateway.adapters.CaOrderStatus;

/** The CA's status of an order, asked just now. */
record CaStatusView(String orderId, CertificateAuthority ca, String caOrderId, CaOrderStatus.State status,
		String caStatus, String detail) {
}
