package com.rvssl.sandbox.api.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The bodies of the test-network admin calls. */
final class NetworkRequests {

	private NetworkRequests() {
	}

	/**
	 * {@code PUT /sandbox/resolver}: the domain's web server answers at {@code address}
	 * ({@code host:port}).
	 */
	record Route(@NotBlank String domain, @NotBlank @Pattern(regexp = "[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}",
			message = "must be host:port") String address) {
	}

	/** {@code PUT /sandbox/dns}: a TXT or CNAME record. */
	record Record(@NotBlank String name,
			@NotBlank @Pattern(regexp = "TXT|CNAME", message = "must be TXT or CNAME") String type,
			@NotBlank String value) {
	}

	/**
	 * {@code POST /sandbox/clock/advance}: how far, as an ISO-8601 duration such as
	 * {@code P1D}.
	 */
	record ClockAdvance(@NotBlank String by) {
	}

	/** The sandbox clock's time and how far it runs ahead of the system's. */
	record ClockTime(java.time.Instant now, String offset) {
	}

}
