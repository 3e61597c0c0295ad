package com.rvssl.kit.work;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.rvssl.kit.clock.ClockAdvanced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rounds asked for now: one at a time, asks made during a round coalesce into one more,
 * and a move of the movable clock asks for one. The period is an hour, so every round
 * here was asked for.
 */
class RepeatingWorkTests {

	private final HeldRounds work = new HeldRounds();

	@AfterEach
	void stop() {
		work.release();
		work.stop();
	}

	@Test
	void runSoonRunsARoundWithoutWaitingForThePeriodAndAsksDuringARoundMakeOneMore() {
		work.start();

		work.runSoon();
		await().atMost(Duration.ofSeconds(10)).until(() -> work.started.get() == 1);
		for (int i = 0; i < 5; i++) {
			work.runSoon();
		}
		assertThat(work.running.get()).as("rounds running at once").isEqualTo(1);
		work.release();

		await().atMost(Duration.ofSeconds(10)).until(() -> work.started.get() == 2);
		work.release();
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> work.started.get() == 2);
		assertThat(work.overlapped.get()).as("rounds that overlapped another").isZero();
	}

	@Test
	void aMoveOfTheClockAsksForARoundAndNothingRunsWhileStopped() {
		work.clockAdvanced(new ClockAdvanced(Duration.ofDays(133), Instant.now()));
		work.runSoon();
		assertThat(work.started.get()).as("rounds before start").isZero();

		work.start();
		work.clockAdvanced(new ClockAdvanced(Duration.ofDays(133), Instant.now()));

		await().atMost(Duration.ofSeconds(10)).until(() -> work.started.get() == 1);
	}

	/** Each round runs until the test releases it. */
	private static final class HeldRounds extends RepeatingWork {

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger overlapped = new AtomicInteger();

		private volatile Sinks.Empty<Void> current = Sinks.empty();

		HeldRounds() {
			super("held rounds", Duration.ofHours(1), Duration.ofHours(1));
		}

		@Override
		protected Mono<Void> round() {
			return Mono.defer(() -> {
				Sinks.Empty<Void> held = Sinks.empty();
				current = held;
				if (running.incrementAndGet() > 1) {
					overlapped.incrementAndGet();
				}
				started.incrementAndGet();
				return held.asMono().doOnTerminate(running::decrementAndGet);
			});
		}

		void release() {
			current.tryEmitEmpty();
		}

	}

}
