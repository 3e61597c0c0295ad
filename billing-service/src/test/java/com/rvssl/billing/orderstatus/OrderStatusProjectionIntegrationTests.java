package com.rvssl.billing.orderstatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.test.CountedCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OrderStatusProjection} against the MongoDB wire server the tests use, each test
 * in a database of its own and counting the commands its client sends: a poll of many
 * orders' events costs one read and one write of each kind, and a poll applied again, or
 * twice at once, applies each event once.
 */
class OrderStatusProjectionIntegrationTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static final String RESELLER = "reseller-1";

	private final String database = "order-status-" + UUID.randomUUID();

	private CountedCommands commands;

	private ReactiveMongoTemplate mongo;

	private OrderStatusProjection projection;

	@BeforeEach
	void connect() {
		commands = CountedCommands.on(database);
		mongo = new ReactiveMongoTemplate(commands.client(), database);
		projection = new OrderStatusProjection(mongo);
	}

	@AfterEach
	void dropTheDatabase() {
		mongo.getMongoDatabase().flatMap((db) -> Mono.from(db.drop())).block(WAIT);
		commands.close();
	}

	@Test
	void aPollOfManyOrdersEventsCostsOneReadAndOneWriteOfEachKind() {
		List<String> orders = orderIds(10);
		List<EventEnvelope> placedAndPaid = new ArrayList<>();
		orders.forEach((order) -> placedAndPaid.add(placed(order)));
		orders.forEach((order) -> placedAndPaid.add(paid(order)));
		List<EventEnvelope> submittedAndIssued = new ArrayList<>();
		orders.forEach((order) -> submittedAndIssued.add(submitted(order)));
		orders.forEach((order) -> submittedAndIssued.add(issued(order)));

		commands.reset();
		assertThat(projection.apply(placedAndPaid).block(WAIT)).isEqualTo(10);
		assertThat(commands.sent()).as("new orders: one read, one insert").containsOnlyKeys("find", "insert");
		assertThat(commands.sent().get("find")).isEqualTo(1);
		assertThat(commands.sent().get("insert")).isEqualTo(1);

		commands.reset();
		assertThat(projection.apply(submittedAndIssued).block(WAIT)).isEqualTo(10);
		assertThat(commands.sent()).as("known orders: one read, one update").containsOnlyKeys("find", "update");
		assertThat(commands.sent().get("find")).isEqualTo(1);
		assertThat(commands.sent().get("update")).isEqualTo(1);

		assertThat(statuses(orders)).hasSize(10).allSatisfy((status) -> {
			assertThat(status.status()).isEqualTo(ProviderStatus.COMPLETE);
			assertThat(status.appliedEventIds()).hasSize(4);
			assertThat(status.productCode()).isEqualTo("DV-SINGLE");
		});
	}

	@Test
	void aPollAppliedFourTimesAtOnceAndThenAgainAppliesEachEventOnce() {
		List<String> orders = orderIds(20);
		List<EventEnvelope> poll = new ArrayList<>();
		orders.forEach((order) -> poll.addAll(List.of(placed(order), paid(order), submitted(order), issued(order))));

		List<Integer> changed = Flux
			.merge(IntStream.range(0, 4)
				.mapToObj((replica) -> projection.apply(poll).subscribeOn(Schedulers.parallel()))
				.toList())
			.collectList()
			.block(WAIT);

		assertThat(changed).as("each run finishes").hasSize(4);
		assertThat(projection.apply(poll).block(WAIT)).as("applied again: nothing changes").isZero();
		assertThat(statuses(orders)).hasSize(20).allSatisfy((status) -> {
			assertThat(status.status()).isEqualTo(ProviderStatus.COMPLETE);
			assertThat(status.appliedEventIds()).as("every event once").hasSize(4).doesNotHaveDuplicates();
		});
	}

	@Test
	void anOrdersEventsInOnePollOnlyMoveItForwardWhateverTheirOrder() {
		String order = orderIds(1).get(0);
		EventEnvelope paid = paid(order);

		projection.apply(List.of(issued(order), placed(order), paid, submitted(order), paid)).block(WAIT);

		OrderStatus status = statuses(List.of(order)).get(0);
		assertThat(status.status()).as("issued first: later news of payment is stale")
			.isEqualTo(ProviderStatus.COMPLETE);
		assertThat(status.productCode()).as("the facts still come from OrderPlaced").isEqualTo("DV-SINGLE");
		assertThat(status.amount()).isEqualTo(1_000L);
		assertThat(status.appliedEventIds()).hasSize(4).doesNotHaveDuplicates();
	}

	private List<OrderStatus> statuses(List<String> orders) {
		return Flux.fromIterable(orders)
			.concatMap((order) -> mongo.findById(order, OrderStatus.class))
			.collectList()
			.block(WAIT);
	}

	private static List<String> orderIds(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "order-" + UUID.randomUUID()).toList();
	}

	private static EventEnvelope placed(String order) {
		return event(order,
				new OrderPlaced("DV-SINGLE", CertificateAuthority.DIGICERT, "ssl_dv_geotrust", Validation.DV, 12,
						List.of("example.com"), "-----BEGIN CERTIFICATE REQUEST-----", null,
						new Customer("Ann", "ann@example.com"), null, Money.of(1_000, "USD"), Money.of(2_000, "USD"),
						"whmcs-1"));
	}

	private static EventEnvelope paid(String order) {
		return event(order, new PaymentCaptured(Money.of(1_000, "USD"), Money.of(9_000, "USD")));
	}

	private static EventEnvelope submitted(String order) {
		return event(order, new CertificateSubmitted(CertificateAuthority.DIGICERT, "ca-" + order));
	}

	private static EventEnvelope issued(String order) {
		return event(order, new CertificateIssued("ca-" + order, "01", Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2027-01-01T00:00:00Z"), "Sandbox CA", "PEM"));
	}

	private static EventEnvelope event(String order, OrderEvent payload) {
		return EventEnvelope.of(order, RESELLER, "corr-" + order, payload);
	}

}
