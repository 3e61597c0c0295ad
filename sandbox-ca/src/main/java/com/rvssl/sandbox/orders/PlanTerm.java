package com.rvssl.sandbox.orders;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * An order's paid term, in months: what the reseller bought (DigiCert
 * {@code order_validity.years} × 12; Sectigo {@code days} 365 → 12, 730 → 24). Since
 * certificates may no longer last that long, the order is a plan: one purchase, several
 * certificates, each reissued before the last expires, until the plan's end.
 */
public record PlanTerm(int months) {

	public PlanTerm {
		if (months < 1) {
			throw new IllegalArgumentException("A plan lasts at least one month, not " + months);
		}
	}

	public static PlanTerm ofYears(int years) {
		return new PlanTerm(12 * Math.max(1, years));
	}

	/**
	 * The plan's end: the first certificate's notBefore plus the term in calendar months,
	 * in UTC. The platform computes the same end from the first CertificateIssued's
	 * notBefore and the order's termMonths: keep the two rules identical.
	 */
	public Instant endFrom(Instant firstNotBefore) {
		return firstNotBefore.atZone(ZoneOffset.UTC).plusMonths(this.months).toInstant();
	}

}
