package com.rvssl.notify.security;

/** Who is calling the API: the operator, or one reseller (who sees only its own data). */
public record Caller(boolean operator, String resellerId) {

	static Caller theOperator() {
		return new Caller(true, null);
	}

	static Caller reseller(String resellerId) {
		return new Caller(false, resellerId);
	}

}
