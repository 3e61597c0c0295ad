package com.rvssl.statussync;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The system clock until a test stops it; then it shows the time the test sets, however
 * long the machine takes meanwhile. Stopped on a whole millisecond, as MongoDB keeps
 * times, so that times read back compare exactly.
 */
final class TestClock extends Clock {

	private volatile Instant stoppedAt;

	/** Stops the clock at the current millisecond. */
	Instant stop() {
		stoppedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return stoppedAt;
	}

	/** Shows {@code time} until set again; the clock must be stopped. */
	void set(Instant time) {
		if (stoppedAt == null) {
			throw new IllegalStateException("stop the clock before setting it");
		}
		stoppedAt = time;
	}

	/** Follows the system clock again. */
	void resume() {
		stoppedAt = null;
	}

	@Override
	public Instant instant() {
		Instant stopped = stoppedAt;
		return (stopped != null) ? stopped : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the service reads instants only");
	}

}
