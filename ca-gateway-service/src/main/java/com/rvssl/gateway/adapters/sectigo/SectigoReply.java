package com.rvssl.gateway.adapters.sectigo;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;

/**
 * A reply of the reseller API: {@code key=value} lines, {@code errorCode} first. A
 * negative code is a refusal, except those that only mean "not now" (call limit, unknown
 * error) or "not us" (permission denied: our login); anything without a leading
 * {@code errorCode} is unreadable.
 */
record SectigoReply(int errorCode, Map<String, String> values) {

	/** The call limit is reached: try later. */
	static final int CALL_LIMIT = -42;

	static final int PERMISSION_DENIED = -16;

	static final int UNKNOWN_ERROR = -14;

	static SectigoReply parse(String body) {
		if (body == null || body.isBlank()) {
			throw new CaUnavailable("Sectigo answered with an empty body");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : body.split("\r?\n")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				values.putIfAbsent(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
			}
		}
		String first = body.strip().split("\r?\n", 2)[0];
		if (!first.startsWith("errorCode=")) {
			throw new CaUnavailable(
					"Sectigo answered something unreadable: " + first.substring(0, Math.min(80, first.length())));
		}
		try {
			return new SectigoReply(Integer.parseInt(values.get("errorCode")), values);
		}
		catch (NumberFormatException ex) {
			throw new CaUnavailable("Sectigo answered an unreadable errorCode: " + values.get("errorCode"), ex);
		}
	}

	/** This reply, or the failure its negative code means. */
	SectigoReply successOrThrow() {
		if (errorCode >= 0) {
			return this;
		}
		String message = values.getOrDefault("errorMessage", "");
		if (errorCode == CALL_LIMIT || errorCode == UNKNOWN_ERROR || errorCode == PERMISSION_DENIED) {
			throw new CaUnavailable("Sectigo answered errorCode " + errorCode + ": " + message);
		}
		// An unknown order is the CA's "not found".
		int httpStatus = "orderNumber".equals(item()) ? 404 : 400;
		throw new CaRefusal(httpStatus, code(), message);
	}

	/** e.g. {@code sectigo_-4_csr}: the code and the argument at fault. */
	String code() {
		return "sectigo_" + errorCode + ((item() != null) ? "_" + item() : "");
	}

	String item() {
		return values.get("errorItem");
	}

	String get(String key) {
		return values.get(key);
	}

	String required(String key) {
		String value = values.get(key);
		if (value == null || value.isBlank()) {
			throw new CaUnavailable("Sectigo answered without " + key);
		}
		return value;
	}

}
