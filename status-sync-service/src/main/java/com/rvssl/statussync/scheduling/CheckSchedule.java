package com.rvssl.statussync.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.rvssl.contracts.CertificateAuthority;

/**
 * When an order is next checked. Every CA gets at least its minimum interval between two checks
 * of one order (Sectigo asks for hours and never concurrent calls), counted from the submission
 * too, since that was a call to the CA. Gateway failures back off exponentially on top, capped,
 * and never below the CA's minimum.
 */
public final class CheckSchedule {

	private final Map<String, Duration> minIntervals;

	private final Duration defaultMinInterval;

	private final Duration errorBackoff;

	private final Duration maxErrorBackoff;

	public CheckSchedule(Map<String, Duration> minIntervals, Duration defaultMinInterval, Duration errorBackoff,
			Duration maxErrorBackoff) {
		this.minIntervals = Map.copyOf(minIntervals);
		this.defaultMinInterval = defaultMinInterval;
		this.errorBackoff = errorBackoff;
		this.maxErrorBackoff = maxErrorBackoff;
	}

	public static CheckSchedule of(SyncProperties properties) {
		return new CheckSchedule(properties.minInterval(), properties.defaultMinInterval(), properties.errorBackoff(),
				properties.maxErrorBackoff());
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

	/** The next check after the CA answered at {@code now}. */
	public Instant afterAnswer(CertificateAuthority ca, Instant now) {
		return now.plus(minInterval(ca));
	}

	/**
	 * The next check after the {@code consecutiveFailures}-th gateway failure in a row (1 for the
	 * first): {@code errorBackoff * 2^(n-1)}, capped at {@code maxErrorBackoff}, at least the CA's
	 * minimum interval (the gateway may have reached the CA before failing).
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
