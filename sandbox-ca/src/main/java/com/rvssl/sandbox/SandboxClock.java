package com.rvssl.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's clock: the system's, plus however far a test has moved it on through the
 * admin API (so OV/EV steps that take days at a real CA pass in a call). It only moves
 * forward.
 */
public class SandboxClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	public SandboxClock(Clock base) {
		this.base = base;
	}

	/** Moves the clock on; returns the new time. */
	public Instant advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("The sandbox clock only moves forward.");
		}
		this.offset.accumulateAndGet(by, Duration::plus);
		return instant();
	}

	public Duration offset() {
		return this.offset.get();
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
