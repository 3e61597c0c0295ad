package com.rvssl.gateway.adapters;

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
	 * The circuit breaker refused the call: the CA was not asked at all, and asking again
	 * at once is pointless.
	 */
	public static class CircuitOpen extends CaUnavailable {

		public CircuitOpen(String ca) {
			super("circuit breaker for " + ca + " is open");
		}

	}

}
