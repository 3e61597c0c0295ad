package com.rvssl.gateway.api;

/** The order has no issued certificate (yet): 409. */
class CertificateNotIssued extends RuntimeException {

	CertificateNotIssued(String message) {
		super(message);
	}

}
