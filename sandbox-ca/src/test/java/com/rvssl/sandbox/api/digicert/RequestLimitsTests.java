package com.rvssl.sandbox.api.digicert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.rvssl.sandbox.SandboxProperties;

class RequestLimitsTests {

	private final TickingClock clock = new TickingClock();

	private final RequestLimits limits = new RequestLimits(new SandboxProperties(null,
			new SandboxProperties.Digicert("key",
					new SandboxProperties.Limits(100, Duration.ofSeconds(5), 1000, Duration.ofMinutes(5))),
			new SandboxProperties.Dv(true, Duration.ofSeconds(3))), this.clock);

	@Test
	void theHundredAndFirstRequestWithinFiveSecondsIsRefusedAndTheNextWindowIsOpenAgain() {
		for (int i = 0; i < 100; i++) {
			assertThat(this.limits.tryAcquire("key")).as("request %d", i + 1).isTrue();
		}
		assertThat(this.limits.tryAcquire("key")).isFalse();
		assertThat(this.limits.tryAcquire("other-key")).as("another key has its own windows").isTrue();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.limits.tryAcquire("key")).isTrue();
	}

	@Test
	void theThousandAndFirstRequestWithinFiveMinutesIsRefusedEvenAtAGentlePace() {
		for (int i = 0; i < 1000; i++) {
			assertThat(this.limits.tryAcquire("key")).as("request %d", i + 1).isTrue();
			if (i % 50 == 49) {
				this.clock.advance(Duration.ofSeconds(5));
			}
		}
		assertThat(this.limits.tryAcquire("key")).isFalse();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.limits.tryAcquire("key")).isTrue();
	}

	static final class TickingClock extends Clock {

		private Instant now = Instant.parse("2026-11-25T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
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

}
