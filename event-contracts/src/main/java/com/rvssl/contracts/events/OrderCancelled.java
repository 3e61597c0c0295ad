package com.rvssl.contracts.events;

/**
 * The reseller asked to cancel the order. Only a request: the gateway answers with
 * {@link CertificateCancelled} (then billing refunds) or {@link CancellationRefused} (the
 * order goes on). Billing takes an order still waiting for credit out of its queue on the
 * request alone; it never refunds on it.
 *
 * @param reason the reseller's reason, may be null
 * @param refundable always {@code false} now, kept so the wire format does not change: a
 * refund follows the CA's answer, never the request
 */
public record OrderCancelled(String reason, boolean refundable) implements OrderEvent {

	/** A reseller's request to cancel. */
	public static OrderCancelled requested(String reason) {
		return new OrderCancelled(reason, false);
	}

}
