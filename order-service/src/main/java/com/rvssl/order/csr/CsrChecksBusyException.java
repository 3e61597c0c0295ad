package com.rvssl.order.csr;

/**
 * The CSR could not be checked in time or the checks' queue is full: the service is busy,
 * not the CSR wrong, so the client may send the same request again later.
 */
public class CsrChecksBusyException extends RuntimeException {

	public CsrChecksBusyException(String message, Throwable cause) {
		super(message, cause);
	}

}
