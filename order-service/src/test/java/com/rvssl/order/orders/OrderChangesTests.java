package com.rvssl.order.orders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import com.rvssl.order.support.OrderFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class OrderChangesTests {

	private final OrderChanges changes = new OrderChanges();

	private final Order placed = OrderFixtures.placedOrder();

	@Test
	void aWrittenOrderReachesEveryFollowerOfThatOrderAndNoOther() {
		Order other = withId(placed, "order-2");
		List<Order> first = new CopyOnWriteArrayList<>();
		List<Order> second = new CopyOnWriteArrayList<>();
		List<Order> ofOther = new CopyOnWriteArrayList<>();
		Disposable a = changes.of(placed.id()).subscribe(first::add);
		Disposable b = changes.of(placed.id()).subscribe(second::add);
		Disposable c = changes.of(other.id()).subscribe(ofOther::add);

		changes.changed(placed);

		assertThat(first).containsExactly(placed);
		assertThat(second).containsExactly(placed);
		assertThat(ofOther).isEmpty();
		a.dispose();
		b.dispose();
		c.dispose();
	}

	@Test
	void anOrderIsForgottenWithItsLastFollowerSoMemoryFollowsTheOpenStreams() {
		Disposable a = changes.of(placed.id()).subscribe();
		Disposable b = changes.of(placed.id()).subscribe();
		assertThat(changes.followedOrders()).isEqualTo(1);

		a.dispose();
		assertThat(changes.followedOrders()).isEqualTo(1);
		b.dispose();

		assertThat(changes.followedOrders()).isZero();
		// a change of an order nobody follows costs a look-up and keeps nothing
		changes.changed(placed);
		assertThat(changes.followedOrders()).isZero();
	}

	private static Order withId(Order order, String id) {
		return new Order(id, order.resellerId(), order.productCode(), order.ca(), order.caProduct(), order.validation(),
				order.productType(), order.termMonths(), order.domains(), order.whmcsServiceId(), order.customer(),
				order.csr(), order.dcv(), order.organization(), order.mode(), order.price(), order.state(),
				order.caOrderId(), order.certificate(), order.pemChain(), order.shortfall(), order.validationStatus(),
				order.validationDetail(), order.failureReason(), order.rejectionReason(), order.cancellationReason(),
				order.createdAt(), order.updatedAt(), order.timeline(), order.appliedEventIds(), order.outbox(),
				order.idempotencyKey(), order.requestHash(), order.version());
	}

}
