package com.rvssl.order.orders;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * When an order's plan ends: {@code termMonths} calendar months (UTC) after its first
 * certificate's notBefore, the rule the CA applies too. Certificates are capped by the
 * Baseline Requirements (199 days from 2026-03-15, then 100, then 47), so a plan is
 * covered by reissues within it until then.
 */
public final class PlanEnd {

	private PlanEnd() {
	}

	public static Instant of(Instant firstNotBefore, int termMonths) {
		if (termMonths <= 0) {
			throw new IllegalArgumentException("a plan lasts at least one month, not " + termMonths);
		}
		return firstNotBefore.atZone(ZoneOffset.UTC).plusMonths(termMonths).toInstant();
	}

}
