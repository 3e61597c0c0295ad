package com.rvssl.sandbox.payments;

/** No payment of that id. */
public class UnknownPaymentException extends RuntimeException {

	public UnknownPaymentException(String id) {
		super("No payment " + id + ".");
	}

}
