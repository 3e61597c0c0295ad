package com.rvssl.order.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.outbox.OutboxWakeUp;
import com.rvssl.kit.test.CountedCommands;
import com.rvssl.order.support.OrderFixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IncomingEvents} fed a poll of events the way the listener feeds it, against the
 * MongoDB wire server the tests use, in a database of its own and counting the commands
 * its client sends: the poll's orders are read once, and each event is then one write.
 */
class PollOfEventsIntegrationTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private final String database = "poll-of-events-" + UUID.randomUUID();

	private CountedCommands commands;

	private ReactiveMongoTemplate mongo;

	private OrderStore store;

	private IncomingEvents incoming;

	@BeforeEach
	void connect() {
		commands = CountedCommands.on(database);
		mongo = new ReactiveMongoTemplate(commands.client(), database);
		OrderMetrics metrics = new OrderMetrics(new SimpleMeterRegistry());
		store = new OrderStore(mongo, new OrderChanges(), OutboxWakeUp.none(), metrics);
		incoming = new IncomingEvents(store, metrics);
	}

	@AfterEach
	void dropTheDatabase() {
		mongo.getMongoDatabase().flatMap((db) -> Mono.from(db.drop())).block(WAIT);
		commands.close();
	}

	@Test
	void aPollsOrdersAreReadOnceAndEachOfItsEventsIsOneWrite() {
		List<Order> orders = placed(10);
		List<EventEnvelope> poll = new ArrayList<>();
		orders.forEach((order) -> poll.add(paid(order)));
		orders.forEach((order) -> poll.add(submitted(order)));

		commands.reset();
		applyAsTheListenerDoes(poll);

		assertThat(commands.sent()).containsOnlyKeys("find", "findAndModify");
		assertThat(commands.sent().get("find")).as("one read for the poll").isEqualTo(1);
		assertThat(commands.sent().get("findAndModify")).as("one write per event").isEqualTo(20);
		assertThat(orders).allSatisfy((order) -> {
			Order now = store.findById(order.id()).block(WAIT);
			assertThat(now.state()).isEqualTo(OrderState.SUBMITTED);
			assertThat(now.appliedEventIds()).hasSize(2);
		});
	}

	@Test
	void anEventTwiceInOnePollIsAppliedOnceAndAnOrderChangedMeanwhileIsReadAgain() {
		Order order = placed(1).get(0);
		EventEnvelope paid = paid(order);
		Map<String, Order> known = incoming.ordersOf(List.of(paid)).block(WAIT);
		// another writer moves the order after the poll's read: the first write loses
		// and the event is decided again from the order as it now is
		store.rememberStale(order, "another-writers-event").block(WAIT);

		commands.reset();
		incoming.apply(paid, known).block(WAIT);
		incoming.apply(paid, known).block(WAIT);

		assertThat(commands.sent().get("findAndModify")).as("the lost write, then the one that won").isEqualTo(2);
		assertThat(commands.sent().get("find")).as("the order read again after the lost write only").isEqualTo(1);
		Order now = store.findById(order.id()).block(WAIT);
		assertThat(now.state()).isEqualTo(OrderState.PAID);
		assertThat(now.appliedEventIds()).containsOnlyOnce(paid.eventId().toString());
	}

	private void applyAsTheListenerDoes(List<EventEnvelope> poll) {
		Map<String, Order> known = incoming.ordersOf(poll).block(WAIT);
		poll.forEach((event) -> incoming.apply(event, known).block(WAIT));
	}

	private List<Order> placed(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> OrderFixtures.placedOrder("order-" + UUID.randomUUID()))
			.map((order) -> store.insert(order).block(WAIT))
			.toList();
	}

	private static EventEnvelope paid(Order order) {
		return OrderFixtures.event(order, new PaymentCaptured(Money.of(900, "USD"), Money.of(10_000, "USD")));
	}

	private static EventEnvelope submitted(Order order) {
		return OrderFixtures.event(order, new CertificateSubmitted(CertificateAuthority.DIGICERT, "ca-" + order.id()));
	}

}
