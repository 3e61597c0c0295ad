package com.rvssl.billing.page;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The key each rendering of the account page gives its top-up form. The form sends it
 * back, and the top-up is made with an idempotency key derived from it, so that one form
 * sent twice (a double click, a reload) credits once; the receipt is found by it
 * afterwards.
 */
final class TopUpFormKey {

	private static final Pattern FORM_KEY = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private TopUpFormKey() {
	}

	static String next() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Only keys the page could have made are used: anything else sent back is refused or
	 * ignored.
	 */
	static boolean isWellFormed(String formKey) {
		return formKey != null && FORM_KEY.matcher(formKey).matches();
	}

	/**
	 * Prefixed, so that a form's key never meets a key an API client chose for its own
	 * top-up.
	 */
	static String idempotencyKey(String formKey) {
		return "page-" + formKey;
	}

}
