package com.rvssl.gateway.adapters;

import java.time.Duration;

/**
 * The CA could not be asked, or did not say what happened: connection errors, timeouts,
 * 5xx, rate limits, unreadable replies. The CA may have acted before failing, so a new
 * order must look up the reference first.
 */
public class CaUnavailable extends RuntimeException {

	public CaUnavailable(String message) {
		super(message);
	}

	public CaUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * The call was sent and got no answer in time: the CA may still be carrying it out,
	 * so what it asked for may come to exist only later (a look-up now can miss it).
	 */
	public static class NoAnswer extends CaUnavailable {

		public NoAnswer(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * The circuit breaker refused the call: the CA was not asked at all, and asking again
	 * at once is pointless.
	 */
	public static class CircuitOpen extends CaUnavailable {

		public CircuitOpen(String ca) {
			super("circuit breaker for " + ca + " is open");
		}

	}

	/**
	 * The CA's budget has no permit for this call within the wait its priority allows
	 * ({@link CaBudget}): the CA was not asked, and asking again before the next period
	 * is pointless.
	 */
	public static class OverBudget extends CaUnavailable {

		private final Duration retryAfter;

		public OverBudget(String ca, CallPriority priority, Duration retryAfter) {
			super("no permit of " + ca + "'s budget for a " + priority.name().toLowerCase() + " call now");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
