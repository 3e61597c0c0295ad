package com.rvssl.billing.waiting;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingQueueTests {

	private static WaitingOrder order(String id, long amount) {
		return new WaitingOrder(id, amount, Instant.EPOCH, null);
	}

	@Test
	void releasesOldestFirstAsFarAsTheCreditReaches() {
		assertThat(WaitingQueue.releasable(700, List.of(order("a", 300), order("b", 400), order("c", 1)))).isEqualTo(2);
	}

	@Test
	void stopsAtTheFirstOrderThatDoesNotFitEvenIfALaterOneWould() {
		assertThat(WaitingQueue.releasable(500, List.of(order("big", 900), order("small", 100)))).isZero();
		assertThat(WaitingQueue.releasable(500, List.of(order("a", 200), order("big", 900), order("small", 100))))
			.isEqualTo(1);
	}

	@Test
	void anEmptyQueueReleasesNothing() {
		assertThat(WaitingQueue.releasable(1_000, List.of())).isZero();
	}

	@Test
	void aNewOrderWaitsWhenShortOrWhenAnEarlierOrderWaits() {
		assertThat(WaitingQueue.mustWait(100, 200, List.of())).isTrue();
		assertThat(WaitingQueue.mustWait(1_000, 200, List.of(order("earlier", 5_000)))).isTrue();
		assertThat(WaitingQueue.mustWait(200, 200, List.of())).isFalse();
	}

}
