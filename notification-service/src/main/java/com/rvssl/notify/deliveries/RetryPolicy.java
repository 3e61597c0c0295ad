package com.rvssl.notify.deliveries;

import java.time.Duration;
import java.time.Instant;

/**
 * After a failed attempt: try again after an exponentially growing, capped wait, or give
 * up once {@code maxAttempts} attempts were made.
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {

	/**
	 * @return whether {@code attemptsMade} failed attempts exhaust the delivery
	 */
	public boolean exhausted(int attemptsMade) {
		return attemptsMade >= maxAttempts;
	}

	/**
	 * When to try again after the {@code attemptsMade}-th failed attempt (1 for the
	 * first).
	 */
	public Instant nextAttempt(int attemptsMade, Instant now) {
		int doublings = Math.min(Math.max(attemptsMade, 1) - 1, 30);
		Duration wait = backoff.multipliedBy(1L << doublings);
		return now.plus((wait.compareTo(maxBackoff) > 0) ? maxBackoff : wait);
	}

}
