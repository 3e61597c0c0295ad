package com.rvssl.statussync.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Validation;

/**
 * When an order is next checked: pure logic, no clock of its own. Every CA gets at least
 * its minimum interval between two checks of one order (Sectigo asks for hours and never
 * concurrent calls), counted from the submission too, since that was a call to the CA.
 * Between answers the {@link Pace} thins checks out as the order keeps waiting (fast
 * while a customer is likely to act, slower later, OV/EV slower throughout). Gateway
 * failures back off exponentially on top, capped, and never below the CA's minimum.
 */
public final class CheckSchedule {

	private final Map<String, Duration> minIntervals;

	private final Duration defaultMinInterval;

	private final Duration errorBackoff;

	private final Duration maxErrorBackoff;

	private final Pace pace;

	public CheckSchedule(Map<String, Duration> minIntervals, Duration defaultMinInterval, Duration errorBackoff,
			Duration maxErrorBackoff, Pace pace) {
		this.pace = pace;
		this.minIntervals = Map.copyOf(minIntervals);
		this.defaultMinInterval = defaultMinInterval;
		this.errorBackoff = errorBackoff;
		this.maxErrorBackoff = maxErrorBackoff;
	}

	public static CheckSchedule of(SyncProperties properties) {
		return new CheckSchedule(properties.minInterval(), properties.defaultMinInterval(), properties.errorBackoff(),
				properties.maxErrorBackoff(), properties.pace());
	}

	public Duration minInterval(CertificateAuthority ca) {
		if (ca == null) {
			return defaultMinInterval;
		}
		return minIntervals.getOrDefault(ca.name().toLowerCase(Locale.ROOT), defaultMinInterval);
	}

	/** The first check after the gateway submitted the order at {@code submittedAt}. */
	public Instant firstCheck(CertificateAuthority ca, Instant submittedAt) {
		return submittedAt.plus(minInterval(ca));
	}

	/**
	 * The next check after the CA answered at {@code now} about an order whose wait (for
	 * the pace) started at {@code since}: its submission, or the last DCV resend or
	 * reissue.
	 */
	public Instant afterAnswer(CertificateAuthority ca, Validation validation, Instant since, Instant now) {
		Duration age = (since != null) ? Duration.between(since, now) : Duration.ZERO;
		return now.plus(pace.interval(minInterval(ca), validation, age));
	}

	/**
	 * The next check after a DCV resend or a reissue at {@code now}: soon, the CA's
	 * minimum allowing.
	 */
	public Instant afterNudge(CertificateAuthority ca, Instant now) {
		return now.plus(minInterval(ca));
	}

	/**
	 * The next check after the {@code consecutiveFailures}-th gateway failure in a row (1
	 * for the first): {@code errorBackoff * 2^(n-1)}, capped at {@code maxErrorBackoff},
	 * at least the CA's minimum interval (the gateway may have reached the CA before
	 * failing).
	 */
	public Instant afterGatewayError(CertificateAuthority ca, int consecutiveFailures, Instant now) {
		int doublings = Math.min(Math.max(consecutiveFailures, 1) - 1, 30);
		Duration backoff = errorBackoff.multipliedBy(1L << doublings);
		if (backoff.compareTo(maxErrorBackoff) > 0) {
			backoff = maxErrorBackoff;
		}
		Duration min = minInterval(ca);
		return now.plus((backoff.compareTo(min) > 0) ? backoff : min);
	}

}
