package com.rvssl.sandbox.api.digicert;

import org.springframework.http.HttpStatus;

/**
 * A refusal in DigiCert's terms: an HTTP status and an error code such as
 * {@code invalid_csr}.
 */
class DigicertException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	DigicertException(HttpStatus status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}
