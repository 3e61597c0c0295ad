package com.rvssl.billing.api;

import com.rvssl.kit.security.Caller;

/**
 * Whose account a request acts on: a reseller's own, always; the operator names one with
 * {@code ?resellerId=}. A reseller naming another account gets 404, never 403, so it
 * learns nothing.
 */
final class AccountScope {

	private AccountScope() {
	}

	static String resellerId(Caller caller, String requested) {
		if (caller.operator()) {
			if (requested == null || requested.isBlank()) {
				throw new ApiProblems.BadRequest("The operator must name the account with ?resellerId=.");
			}
			return requested;
		}
		if (requested != null && !requested.equals(caller.resellerId())) {
			throw new ApiProblems.NotFound("No account " + requested + ".");
		}
		return caller.resellerId();
	}

}
