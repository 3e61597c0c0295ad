package com.rvssl.kit.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system's clock plus however far it was moved on. Forward only: timers and stored
 * deadlines assume time never runs back.
 */
public final class MovableClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	public MovableClock(Clock base) {
		this.base = base;
	}

	/** Moves the clock on; returns the new time. */
	public Instant advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("The clock only moves forward.");
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
