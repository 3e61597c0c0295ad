package com.rvssl.order.orders;

import java.time.Instant;

/**
 * The reseller's request to cancel an order that went to billing: the CA's answer decides
 * (the gateway confirms it, and the order is CANCELLED, or the CA refuses, and the order
 * goes on).
 *
 * @param requestedAt when the reseller asked
 * @param reason the reseller's reason
 * @param refusal the CA's reason for not cancelling; null while the answer is awaited
 */
public record CancellationRequest(Instant requestedAt, String reason, String refusal) {

	public boolean isPending() {
		return refusal == null;
	}

	CancellationRequest refused(String why) {
		return new CancellationRequest(requestedAt, reason, (why != null && !why.isBlank()) ? why : "no reason given");
	}

}
