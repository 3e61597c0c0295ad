package com.rvssl.order.api;

/** A certificate download before the CA has issued it. */
class CertificateNotIssuedException extends RuntimeException {

	CertificateNotIssuedException(String orderId, Object state) {
		super("order " + orderId + " has no certificate yet (state " + state + ")");
	}

}
