package com.rvssl.statussync.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The paid term of an order as a plan of certificates: since the Baseline Requirements
 * cap a certificate's validity (199 days from 2026-03-15, then 100, then 47), a 12- or
 * 24-month order needs several certificates. The plan ends {@code termMonths} calendar
 * months (UTC) after the first certificate's notBefore, by the same rule as the CA's.
 *
 * @param end when the plan ends
 */
public record PlanTerm(Instant end) {

	/**
	 * A certificate whose notAfter is within this of the plan's end (or after it) is the
	 * plan's last: the CA caps the last one at the plan's end, give or take its rounding.
	 */
	static final Duration LAST_CERTIFICATE_MARGIN = Duration.ofDays(1);

	/**
	 * The plan that starts with a first certificate valid from {@code firstNotBefore}.
	 */
	public static PlanTerm of(Instant firstNotBefore, int termMonths) {
		if (termMonths <= 0) {
			throw new IllegalArgumentException("a plan lasts at least one month, not " + termMonths);
		}
		return new PlanTerm(firstNotBefore.atZone(ZoneOffset.UTC).plusMonths(termMonths).toInstant());
	}

	/**
	 * Whether the plan needs another certificate after one valid until {@code notAfter}:
	 * the plan ends more than a day after it.
	 */
	public boolean needsAnotherCertificateAfter(Instant notAfter) {
		return end.isAfter(notAfter.plus(LAST_CERTIFICATE_MARGIN));
	}

	/**
	 * Whether a certificate valid until {@code notAfter} is the plan's last: it expires
	 * within a day of the plan's end, or after it. Only the last one is worth reminding
	 * the customer to buy again.
	 */
	public boolean isLastCertificate(Instant notAfter) {
		return !needsAnotherCertificateAfter(notAfter);
	}

}
