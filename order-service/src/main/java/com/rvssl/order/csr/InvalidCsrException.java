package com.rvssl.order.csr;

/**
 * The text is not a usable PKCS#10 request (not PEM, not parseable, or its signature does
 * not verify).
 */
public class InvalidCsrException extends RuntimeException {

	public InvalidCsrException(String message) {
		super(message);
	}

	public InvalidCsrException(String message, Throwable cause) {
		super(message, cause);
	}

}
