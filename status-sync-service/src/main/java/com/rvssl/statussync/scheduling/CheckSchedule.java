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
 * failures back off exponentially on top, capped, and never below the CA's minimum. For a
 * CA that pushes, a silence window per validation level keeps polling to a net: after an
 * answer (or the submission) the order is asked about again only once the CA has been
 * silent that long, since a push makes it due at once anyway.
 */
public final class CheckSchedule {

	private final Map<String, Duration> minIntervals;

	private final Duration defaultMinInterval;

	private final Duration errorBackoff;

	private final Duration maxErrorBackoff;

	private final Pace pace;

	private final Map<String, Map<String, Duration>> silenceWindows;

	public CheckSchedule(Map<String, Duration> minIntervals, Duration defaultMinInterval, Duration errorBackoff,
			Duration maxErrorBackoff, Pace pace) {
		this(minIntervals, defaultMinInterval, errorBackoff, maxErrorBackoff, pace, Map.of());
	}

	public CheckSchedule(Map<String, Duration> minIntervals, Duration defaultMinInterval, Duration errorBackoff,
			Duration maxErrorBackoff, Pace pace, Map<String, Map<String, Duration>> silenceWindows) {
		this.pace = pace;
		this.silenceWindows = Map.copyOf(silenceWindows);
		this.minIntervals = Map.copyOf(minIntervals);
		this.defaultMinInterval = defaultMinInterval;
		this.errorBackoff = errorBackoff;
		this.maxErrorBackoff = maxErrorBackoff;
	}

	public static CheckSchedule of(SyncProperties properties) {
		return new CheckSchedule(properties.minInterval(), properties.defaultMinInterval(), properties.errorBackoff(),
				properties.maxErrorBackoff(), properties.pace(), properties.silenceWindow());
	}

	/**
	 * How long the CA may stay silent about an order of this level before it is asked
	 * (zero: no window, the pace decides).
	 */
	public Duration silenceWindow(CertificateAuthority ca, Validation validation) {
		if (ca == null || validation == null) {
			return Duration.ZERO;
		}
		Duration window = silenceWindows.getOrDefault(ca.name().toLowerCase(Locale.ROOT), Map.of())
			.get(validation.name().toLowerCase(Locale.ROOT));
		return (window != null) ? window : Duration.ZERO;
	}

	/**
	 * The wait between two checks of an order that has waited {@code age}: the pace, at
	 * least the CA's silence window for its level.
	 */
	public Duration interval(CertificateAuthority ca, Validation validation, Duration age) {
		return longer(pace.interval(minInterval(ca), validation, age), silenceWindow(ca, validation));
	}

	public Duration minInterval(CertificateAuthority ca) {
		if (ca == null) {
			return defaultMinInterval;
		}
		return minIntervals.getOrDefault(ca.name().toLowerCase(Locale.ROOT), defaultMinInterval);
	}

	/** The first check after the gateway submitted the order at {@code submittedAt}. */
	public Instant firstCheck(CertificateAuthority ca, Instant submittedAt) {
		return firstCheck(ca, null, submittedAt);
	}

	/**
	 * The first check of an order of this level: the CA's minimum after the submission,
	 * or its silence window if longer.
	 */
	public Instant firstCheck(CertificateAuthority ca, Validation validation, Instant submittedAt) {
		return submittedAt.plus(longer(minInterval(ca), silenceWindow(ca, validation)));
	}

	/**
	 * The next check after the CA answered at {@code now} about an order whose wait (for
	 * the pace) started at {@code since}: its submission, or the last DCV resend or
	 * reissue.
	 */
	public Instant afterAnswer(CertificateAuthority ca, Validation validation, Instant since, Instant now) {
		Duration age = (since != null) ? Duration.between(since, now) : Duration.ZERO;
		return now.plus(interval(ca, validation, age));
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
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
