package com.rvssl.gateway.adapters;

/**
 * The CA answered and said no (a 4xx such as invalid_csr): sending the same again changes
 * nothing.
 */
public class CaRefusal extends RuntimeException {

	private final int httpStatus;

	private final String code;

	public CaRefusal(int httpStatus, String code, String message) {
		super(code + ": " + message);
		this.httpStatus = httpStatus;
		this.code = code;
	}

	public int httpStatus() {
		return httpStatus;
	}

	public String code() {
		return code;
	}

}
