package com.rvssl.order.security;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Time is
 * passed in (nanoseconds) so the arithmetic is tested without waiting.
 */
final class TokenBucket {

	private final double perSecond;

	private final double burst;

	private double tokens;

	private long lastNanos;

	TokenBucket(double perSecond, double burst, long nowNanos) {
		this.perSecond = perSecond;
		this.burst = burst;
		this.tokens = burst;
		this.lastNanos = nowNanos;
	}

	/**
	 * Takes one token: 0 when the request may go, else the whole seconds to wait before
	 * retrying (at least 1).
	 */
	synchronized long take(long nowNanos) {
		double elapsed = Math.max(0, nowNanos - lastNanos) / 1e9;
		tokens = Math.min(burst, tokens + elapsed * perSecond);
		lastNanos = nowNanos;
		if (tokens >= 1) {
			tokens -= 1;
			return 0;
		}
		return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
	}

}
