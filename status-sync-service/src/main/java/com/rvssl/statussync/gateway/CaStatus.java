package com.rvssl.statussync.gateway;

/**
 * The answer of {@code GET /internal/v1/orders/{orderId}/ca-status}: the neutral {@code status},
 * the CA's own word {@code caStatus} and what it is waiting for ({@code detail}).
 */
public record CaStatus(String orderId, String ca, String caOrderId, CaOrderStatus status, String caStatus,
		String detail) {
}
