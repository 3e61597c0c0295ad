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
		assertThat(WaitingQueue.mustWait(100, order("new", 200), List.of())).isTrue();
		assertThat(WaitingQueue.mustWait(1_000, placed("new", 200, 60), List.of(placed("earlier", 5_000, 0)))).isTrue();
		assertThat(WaitingQueue.mustWait(200, order("new", 200), List.of())).isFalse();
	}

	@Test
	void anOrderPlacedBeforeEveryWaitingOrderDoesNotWaitBehindThemWhenItFits() {
		assertThat(WaitingQueue.mustWait(1_000, placed("late", 200, 0), List.of(placed("later", 5_000, 60)))).isFalse();
		assertThat(WaitingQueue.mustWait(100, placed("late", 200, 0), List.of(placed("later", 5_000, 60)))).isTrue();
	}

	@Test
	void aWaitingOrderTakesItsPlaceByWhenItWasPlacedNotByWhenItArrived() {
		List<WaitingOrder> waiting = List.of(placed("a", 1, 10), placed("b", 1, 20), placed("c", 1, 30));

		assertThat(WaitingQueue.positionOf(placed("first", 1, 5), waiting)).isZero();
		assertThat(WaitingQueue.positionOf(placed("between", 1, 25), waiting)).isEqualTo(2);
		assertThat(WaitingQueue.positionOf(placed("last", 1, 35), waiting)).isEqualTo(3);
	}

	@Test
	void ordersPlacedAtTheSameInstantQueueByOrderId() {
		List<WaitingOrder> waiting = List.of(placed("ord-b", 1, 10), placed("ord-d", 1, 10));

		assertThat(WaitingQueue.positionOf(placed("ord-a", 1, 10), waiting)).isZero();
		assertThat(WaitingQueue.positionOf(placed("ord-c", 1, 10), waiting)).isEqualTo(1);
		assertThat(WaitingQueue.positionOf(placed("ord-e", 1, 10), waiting)).isEqualTo(2);
		assertThat(WaitingQueue.mustWait(1_000, placed("ord-c", 1, 10), waiting)).isTrue();
		assertThat(WaitingQueue.mustWait(1_000, placed("ord-a", 1, 10), waiting)).isFalse();
	}

	private static WaitingOrder placed(String id, long amount, long secondsAfterEpoch) {
		return new WaitingOrder(id, amount, Instant.EPOCH.plusSeconds(secondsAfterEpoch), null);
	}

}
