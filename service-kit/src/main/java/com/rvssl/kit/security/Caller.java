package com.rvssl.kit.security;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, once the API key is checked: one reseller (sees only its own data) or
 * the operator (sees every reseller's).
 */
public record Caller(String resellerId, boolean operator) {

	/**
	 * The exchange attribute the authentication leaves the caller in, for controllers and
	 * filters.
	 */
	public static final String ATTRIBUTE = "rvssl.caller";

	public static Caller reseller(String resellerId) {
		return new Caller(resellerId, false);
	}

	public static Caller theOperator() {
		return new Caller(null, true);
	}

	/**
	 * The authenticated caller of an exchange, or null before authentication (or on an
	 * open path).
	 */
	public static Caller of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	/** The reseller id to scope reads by; null for the operator (no scope). */
	public String scope() {
		return operator ? null : resellerId;
	}

}
