package com.rvssl.kit.security;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, once the key is checked: one reseller (sees only its own data), the
 * operator (sees every reseller's) or another of the platform's services (the internal
 * APIs only).
 */
public record Caller(String resellerId, Role role) {

	/**
	 * The exchange attribute the authentication leaves the caller in, for controllers and
	 * filters.
	 */
	public static final String ATTRIBUTE = "rvssl.caller";

	/** The kinds of key; each is the Spring Security role {@code ROLE_<name>}. */
	public enum Role {

		/** A reseller's API key: the public API, scoped to that reseller. */
		RESELLER,

		/**
		 * The operator's key: the public API unscoped, the admin API, the internal APIs.
		 */
		OPERATOR,

		/** The platform's service key: the internal APIs ({@code /internal/**}) only. */
		SERVICE

	}

	public static Caller reseller(String resellerId) {
		return new Caller(resellerId, Role.RESELLER);
	}

	public static Caller theOperator() {
		return new Caller(null, Role.OPERATOR);
	}

	public static Caller aService() {
		return new Caller(null, Role.SERVICE);
	}

	/**
	 * The authenticated caller of an exchange, or null before authentication (or on a
	 * public path).
	 */
	public static Caller of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	public boolean operator() {
		return role == Role.OPERATOR;
	}

	public boolean service() {
		return role == Role.SERVICE;
	}

	/**
	 * The reseller id to scope reads by; null for the operator (no scope). A service key
	 * never reaches a scoped read: it is refused outside {@code /internal/**}.
	 */
	public String scope() {
		return (role == Role.RESELLER) ? resellerId : null;
	}

}
