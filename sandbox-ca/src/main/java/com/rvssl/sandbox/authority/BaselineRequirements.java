package com.rvssl.sandbox.authority;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The CA/Browser Forum Baseline Requirements' limits on TLS server certificates, by the
 * date of issuance (UTC), as ballot SC-081v3 phases them in: at most 398 days of validity
 * and of domain-validation reuse before 2026-03-15, then 200/200 days, from 2027-03-15
 * 100/100 days, from 2029-03-15 47 days with 10 days of reuse. Organisation (OV/EV)
 * validation may be reused for 398 days throughout.
 */
public final class BaselineRequirements {

	/** How long a completed organisation validation may be reused. */
	public static final Duration ORGANISATION_VALIDATION_REUSE = Duration.ofDays(398);

	/**
	 * The limits in force from one date on.
	 *
	 * @param since the first day (UTC) they apply to
	 * @param maximumValidityDays the longest validity the requirements allow
	 * @param domainValidationReuseDays how old a domain validation may be when it is
	 * reused for an issuance
	 */
	public record Limits(LocalDate since, int maximumValidityDays, int domainValidationReuseDays) {

		/**
		 * The validity the sandbox gives: one day under the cap, as CAs do (a
		 * certificate's validity counts its last second too, so exactly the cap would
		 * exceed it).
		 */
		public Duration longestValidity() {
			return Duration.ofDays(this.maximumValidityDays - 1L);
		}

		public Duration domainValidationReuse() {
			return Duration.ofDays(this.domainValidationReuseDays);
		}

	}

	/** Latest first, so that the first whose date has come is the one in force. */
	private static final List<Limits> SCHEDULE = List.of(new Limits(LocalDate.of(2029, 3, 15), 47, 10),
			new Limits(LocalDate.of(2027, 3, 15), 100, 100), new Limits(LocalDate.of(2026, 3, 15), 200, 200),
			new Limits(LocalDate.MIN, 398, 398));

	private BaselineRequirements() {
	}

	/** The limits for an issuance (or a validation reuse) at this instant. */
	public static Limits at(Instant instant) {
		LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
		return SCHEDULE.stream()
			.filter((limits) -> !day.isBefore(limits.since()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The schedule starts at LocalDate.MIN"));
	}

	/** The longest validity the sandbox gives a certificate issued at this instant. */
	public static Duration longestValidity(Instant issuedAt) {
		return at(issuedAt).longestValidity();
	}

	/** How old a domain validation may be for an issuance at this instant. */
	public static Duration domainValidationReuse(Instant issuedAt) {
		return at(issuedAt).domainValidationReuse();
	}

}
