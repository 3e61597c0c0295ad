package com.rvssl.order.csr;

/**
 * The text is not a CSR the platform accepts: unreadable (not one PEM request, malformed,
 * its signature does not verify) or readable with a key the platform does not certify.
 */
public class InvalidCsrException extends RuntimeException {

	private final boolean keyRefused;

	private InvalidCsrException(String message, boolean keyRefused, Throwable cause) {
		super(message, cause);
		this.keyRefused = keyRefused;
	}

	/** Not a readable, verifiable PKCS#10 request: the client must send another text. */
	public static InvalidCsrException unreadable(String message) {
		return new InvalidCsrException(message, false, null);
	}

	public static InvalidCsrException unreadable(String message, Throwable cause) {
		return new InvalidCsrException(message, false, cause);
	}

	/** A readable request for a key that is not certified (size, exponent, curve). */
	public static InvalidCsrException keyRefused(String message) {
		return new InvalidCsrException(message, true, null);
	}

	/**
	 * Whether the request was readable and only its key refused (a 422 rather than a
	 * 400).
	 */
	public boolean keyRefused() {
		return keyRefused;
	}

}
