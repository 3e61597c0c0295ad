package com.rvssl.billing.payments;

/** How the money of a top-up comes in. */
public enum TopUpSource {

	/** A payment the reseller makes at the payment provider; credited on its callback. */
	PAYMENT,

	/** A bank transfer the operator saw arrive; credited when recorded. */
	BANK_TRANSFER;

	/**
	 * The idempotency key as stored: namespaced, so that a reseller's key never meets the
	 * operator's for the same account.
	 */
	String storedKey(String idempotencyKey) {
		return name().toLowerCase(java.util.Locale.ROOT) + ":" + idempotencyKey;
	}

}
