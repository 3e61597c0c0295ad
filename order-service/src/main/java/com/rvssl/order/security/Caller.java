package com.rvssl.order.security;

/** The authenticated caller of a request: a reseller, or the operator who sees every reseller's data. */
public record Caller(String resellerId, boolean operator) {

	/** The exchange attribute the authentication filter leaves the caller in. */
	public static final String ATTRIBUTE = "rvssl.caller";

	public static Caller reseller(String resellerId) {
		return new Caller(resellerId, false);
	}

	public static Caller theOperator() {
		return new Caller(null, true);
	}

	/** The reseller id to scope reads by; null for the operator (no scope). */
	public String scope() {
		return operator ? null : resellerId;
	}

}
