package com.rvssl.statussync.gateway;

import java.time.Duration;

/**
 * The gateway's {@code 503 ca-over-budget} answer: the CA account's budget has no permit
 * for a read now, and {@code Retry-After} says when one comes (the budget's next period
 * at the latest). Not a failure of the gateway: the check is simply due again then.
 */
public final class CaBudgetExhausted extends RuntimeException {

	/** Bounds of the wait, whatever the header says. */
	private static final Duration SHORTEST = Duration.ofSeconds(1);

	private static final Duration LONGEST = Duration.ofMinutes(1);

	private final Duration retryAfter;

	CaBudgetExhausted(String retryAfterHeader) {
		super("the CA's budget has no permit for this read now", null, false, false);
		this.retryAfter = bounded(retryAfterHeader);
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	private static Duration bounded(String header) {
		try {
			Duration wait = Duration.ofSeconds(Long.parseLong(header.strip()));
			return (wait.compareTo(SHORTEST) < 0) ? SHORTEST : (wait.compareTo(LONGEST) > 0) ? LONGEST : wait;
		}
		catch (RuntimeException unreadable) {
			return SHORTEST.multipliedBy(5);
		}
	}

}
