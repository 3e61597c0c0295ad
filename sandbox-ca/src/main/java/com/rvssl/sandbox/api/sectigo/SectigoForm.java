package com.rvssl.sandbox.api.sectigo;

import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * The form fields of one call, read the way every operation reads them: a blank value is
 * a missing one.
 */
final class SectigoForm {

	private final MultiValueMap<String, String> fields;

	/** The account whose login the call carries, once accepted. */
	private String account;

	SectigoForm(MultiValueMap<String, String> fields) {
		this.fields = fields;
	}

	/**
	 * The account (login name) whose login the call carries, once the login is checked.
	 */
	String account() {
		return this.account;
	}

	void account(String loggedIn) {
		this.account = loggedIn;
	}

	/** The names of the fields sent, in the order they came. */
	Set<String> names() {
		return this.fields.keySet();
	}

	/** The field's first value, {@code null} if it was not sent. */
	String get(String name) {
		return this.fields.getFirst(name);
	}

	/** The field's value; a missing or blank one is refused with {@code -3}. */
	String required(String name) {
		String value = get(name);
		if (value == null || value.isBlank()) {
			throw SectigoRefusal.missing(name);
		}
		return value;
	}

	long orderNumber() {
		String value = required("orderNumber");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw SectigoRefusal.invalid("orderNumber", "Not a number.");
		}
	}

	/**
	 * An optional number from {@code min} to {@code max}, {@code fallback} when not sent.
	 */
	int number(String name, int fallback, int min, int max) {
		String value = get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number < min || number > max) {
				throw SectigoRefusal.invalid(name, "Use " + min + " to " + max + ".");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw SectigoRefusal.invalid(name, "Not a number.");
		}
	}

}
