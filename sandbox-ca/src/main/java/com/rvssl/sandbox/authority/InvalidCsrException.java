package com.rvssl.sandbox.authority;

/** The text offered as a CSR is not a PEM PKCS#10 request with a valid signature. */
public class InvalidCsrException extends RuntimeException {

	public InvalidCsrException(String message) {
		super(message);
	}

	public InvalidCsrException(String message, Throwable cause) {
		super(message, cause);
	}

}
