package com.rvssl.gateway.submission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard the gateway tries ({@code rvssl.gateway.submission.*}): {@code retries} quick
 * retries with backoff from {@code retryBackoff} to {@code retryMaxBackoff} inside one
 * attempt; after that the record waits in RETRYING from {@code reattemptBase} doubling up
 * to {@code reattemptMax}; a claim older than {@code staleAfter} is taken to be a crashed
 * attempt; {@code batch} records per sweep. One attempt (rate limiter waits, calls and
 * quick retries together) ends after {@code attemptDeadline}, at most half of
 * {@code staleAfter}, so an attempt that is alive never sees its claim taken over. A CA
 * call cut short may still make its order later: {@code lateOrderWindow} after such an
 * attempt, the CA is searched for the reference once more (longer than any CA call can be
 * in flight at the CA). A place that got no answer (timed out) may still be on its way
 * through the CA: the record's next attempt, which looks the reference up first, waits at
 * least {@code unansweredPlaceWait}, long enough for such a call to have been carried
 * out.
 */
@ConfigurationProperties("rvssl.gateway.submission")
public record SubmissionProperties(@DefaultValue("2") int retries, @DefaultValue("PT0.5S") Duration retryBackoff,
		@DefaultValue("PT4S") Duration retryMaxBackoff, @DefaultValue("PT2S") Duration reattemptBase,
		@DefaultValue("PT1M") Duration reattemptMax, @DefaultValue("PT2M") Duration staleAfter,
		@DefaultValue("50") int batch, @DefaultValue("PT1M") Duration attemptDeadline,
		@DefaultValue("PT10M") Duration lateOrderWindow, @DefaultValue("PT1M") Duration unansweredPlaceWait) {

	public SubmissionProperties {
		// An attempt must end well before its claim can be taken over (see Submissions):
		// at most half the claim, the rest is margin for the outcome's write and pauses.
		if (attemptDeadline.multipliedBy(2).compareTo(staleAfter) > 0) {
			throw new IllegalArgumentException("rvssl.gateway.submission.attempt-deadline (" + attemptDeadline
					+ ") must be at most half of stale-after (" + staleAfter + ")");
		}
	}

	/**
	 * The wait before re-attempt number {@code attempt + 1} after an attempt whose place
	 * got no answer: at least {@code unansweredPlaceWait}.
	 */
	Duration reattemptDelayAfterUnansweredPlace(int attempt) {
		Duration delay = reattemptDelay(attempt);
		return (delay.compareTo(unansweredPlaceWait) < 0) ? unansweredPlaceWait : delay;
	}

	/** The wait before re-attempt number {@code attempt + 1}: doubling, capped. */
	Duration reattemptDelay(int attempt) {
		int doublings = Math.max(0, Math.min(attempt - 1, 20));
		Duration delay = reattemptBase.multipliedBy(1L << doublings);
		return (delay.compareTo(reattemptMax) > 0) ? reattemptMax : delay;
	}

}
