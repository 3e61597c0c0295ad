package com.rvssl.billing.security;

/** Who is calling: the operator (sees every account), or one reseller (sees only its own). */
public record Caller(String resellerId, boolean operator) {

	/** The exchange attribute the authentication filter stores the caller under. */
	public static final String ATTRIBUTE = "rvssl.caller";

	public static Caller theOperator() {
		return new Caller(null, true);
	}

	public static Caller reseller(String resellerId) {
		return new Caller(resellerId, false);
	}

}
