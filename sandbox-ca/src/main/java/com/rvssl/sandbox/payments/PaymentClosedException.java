package com.rvssl.sandbox.payments;

/** The payment is settled or expired: it takes no other outcome. */
public class PaymentClosedException extends RuntimeException {

	public PaymentClosedException(String message) {
		super(message);
	}

}
