package com.rvssl.billing.payments;

/**
 * Where a top-up stands. {@code PENDING_PAYMENT} until the provider confirms or fails the
 * payment, or it expires; {@code CREDITING} between the confirmation and the credit (two
 * documents, no transaction: the sweep completes a credit a crash interrupted);
 * {@code PAID} once the credit is on the account. A confirmation that arrives after a
 * failure or expiry still credits: the provider says the money arrived.
 */
public enum TopUpState {

	PENDING_PAYMENT, CREDITING, PAID, FAILED, EXPIRED;

	/**
	 * What the API shows: a top-up is PAID only once its credit is there, so CREDITING
	 * still reads PENDING_PAYMENT.
	 */
	public TopUpState shown() {
		return (this == CREDITING) ? PENDING_PAYMENT : this;
	}

	/** A payment confirmation may still credit this top-up. */
	boolean awaitsCredit() {
		return this != CREDITING && this != PAID;
	}

}
