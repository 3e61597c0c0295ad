package com.rvssl.gateway.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.gateway.adapters.CaAdapters;
import com.rvssl.gateway.scenarios.SandboxCaForClass;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CA orders the gateway could lose track of: one a lost reply made for an order cancelled
 * before the reply was recovered (Sectigo, which cannot be searched by reference), one a
 * cut-short call made after the next attempt had placed the order again, one got for a
 * cancelled record that already holds another. Each ends cancelled at the CA or held by
 * the record, never open and forgotten. Against the sandbox CA, which counts the CA
 * orders of each reference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.gateway.sweep.interval=PT0.3S", "rvssl.gateway.submission.retries=0",
				"rvssl.gateway.submission.reattempt-base=PT2S", "rvssl.gateway.submission.reattempt-max=PT2S",
				"rvssl.gateway.submission.stale-after=PT20S", "rvssl.gateway.submission.attempt-deadline=PT10S",
				"rvssl.gateway.submission.late-order-window=PT2S" })
// closed after the class: another gateway context in this JVM would share its Kafka
// consumer group
@DirtiesContext
class LostCaOrdersIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static final SandboxCaForClass sandbox = SandboxCaForClass.starting("PT1H");

	private final TopicRecorder published = TopicRecorder.get();

	@Autowired
	KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	SubmissionStore store;

	@Autowired
	Submissions submissions;

	@Autowired
	CaAdapters adapters;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-lost-ca-orders-tests");
		TestKeys.register(registry);
		sandbox.register(registry);
	}

	@Test
	void aSectigoOrderWhoseReplyWasLostIsCancelledAtTheCaWhenTheOrderIsCancelledBeforeItIsRecovered() {
		String orderId = kept(CertificateAuthority.SECTIGO, "287", "lost-cancel.example.com");
		SubmissionRecord claimed = store.claimPaid(orderId, UUID.randomUUID().toString(), now()).block(TIMEOUT);
		// the CA makes the order, its reply is lost: the attempt does not know
		sandbox.get().fault("sectigo", "LOST_REPLY", 5, 1.0, 0);
		submissions.attempt(claimed).block(TIMEOUT);
		sandbox.get().clearFaults();
		assertThat(store.find(orderId).block(TIMEOUT).state()).isEqualTo(SubmissionState.RETRYING);
		List<Map<String, Object>> made = sandbox.get().ordersWithReference(orderId);
		assertThat(made).singleElement().satisfies(order -> assertThat(order.get("status")).isEqualTo("pending"));

		// the reseller cancels before the next attempt would have recovered the order
		submissions.cancel(event(orderId, OrderCancelled.requested("changed my mind"))).block(TIMEOUT);

		CertificateCancelled cancelled = await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateCancelled.class), found -> !found.isEmpty())
			.get(0);
		assertThat(cancelled.caOrderId()).isEqualTo(made.get(0).get("caOrderId"));
		assertThat(cancelled.refundable()).isTrue();
		assertThat(sandbox.get().ordersWithReference(orderId)).singleElement()
			.satisfies(order -> assertThat(order.get("status")).isIn("canceled", "revoked"));
		assertThat(store.find(orderId).block(TIMEOUT).state()).isEqualTo(SubmissionState.CANCELLED);
	}

	@Test
	void aCaOrderMadeLateByACallCutShortIsFoundAfterTheWindowAndCancelledAsADuplicate() {
		String orderId = kept(CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", "late.example.com");
		double cancelledBefore = duplicatesCancelled();
		SubmissionRecord claimed = store.claimPaid(orderId, UUID.randomUUID().toString(), now()).block(TIMEOUT);
		// the first attempt's place gets no answer (a proxy gives up on it)...
		sandbox.get().fault("digicert", "OUTAGE", 5, 1.0, 0);
		submissions.attempt(claimed).block(TIMEOUT);
		sandbox.get().clearFaults();
		assertThat(store.find(orderId).block(TIMEOUT).state()).isEqualTo(SubmissionState.RETRYING);

		// ...the next attempt finds nothing by the reference and places the order
		CertificateSubmitted submitted = await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class), found -> !found.isEmpty())
			.get(0);
		// then the CA carries out the first attempt's request after all
		String late = adapters.of(CertificateAuthority.DIGICERT)
			.orElseThrow()
			.place(store.find(orderId).block(TIMEOUT).caOrderRequest())
			.block(TIMEOUT);
		assertThat(late).isNotEqualTo(submitted.caOrderId());

		await().atMost(PATIENCE).until(() -> live(orderId).size() == 1);
		assertThat(live(orderId)).singleElement()
			.satisfies(order -> assertThat(order.get("caOrderId")).isEqualTo(submitted.caOrderId()));
		await().atMost(PATIENCE).until(() -> store.find(orderId).block(TIMEOUT).strayCaOrderIds().isEmpty());
		SubmissionRecord record = store.find(orderId).block(TIMEOUT);
		assertThat(record.state()).isEqualTo(SubmissionState.SUBMITTED);
		assertThat(record.caOrderId()).isEqualTo(submitted.caOrderId());
		assertThat(record.referenceCheckAt()).isNull();
		assertThat(record.straysSince()).isNull();
		assertThat(duplicatesCancelled() - cancelledBefore).isEqualTo(1);
		assertThat(published.of(orderId, CertificateSubmitted.class)).hasSize(1);
	}

	@Test
	void aCaOrderGotForACancellingRecordThatHoldsAnotherIsKeptAsAStrayAndBothAreCancelledAtTheCa() {
		String orderId = kept(CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", "overwrite.example.com");
		SubmissionRecord first = store.claimPaid(orderId, UUID.randomUUID().toString(), now()).block(TIMEOUT);
		// a second replica takes the claim over and places the order
		SubmissionRecord second = store.claimDue(now(), first.claimedAt()).block(TIMEOUT);
		assertThat(second.orderId()).isEqualTo(orderId);
		submissions.attempt(second).block(TIMEOUT);
		String held = store.find(orderId).block(TIMEOUT).caOrderId();
		assertThat(held).isNotNull();
		// the reseller cancels; this replica holds the cancellation's lease for now
		assertThat(store.cancelAtCa(orderId, UUID.randomUUID().toString(), now(), now().plus(Duration.ofHours(1)))
			.block(TIMEOUT)).isNotNull();

		// the first replica wakes up and places the order a second time
		submissions.attempt(first).block(TIMEOUT);
		SubmissionRecord cancelling = store.find(orderId).block(TIMEOUT);
		assertThat(cancelling.state()).isEqualTo(SubmissionState.CANCELLING);
		assertThat(cancelling.caOrderId()).isEqualTo(held);
		assertThat(sandbox.get().ordersWithReference(orderId)).hasSize(2);
		String second2 = sandbox.get()
			.ordersWithReference(orderId)
			.stream()
			.map(order -> (String) order.get("caOrderId"))
			.filter(id -> !id.equals(held))
			.findFirst()
			.orElseThrow();
		assertThat(cancelling.strayCaOrderIds()).containsExactly(second2);

		// the lease runs out: the sweep cancels the order held, then the stray
		store.postponeCancellation(orderId, "lease over", now(), now()).block(TIMEOUT);
		await().atMost(PATIENCE).until(() -> live(orderId).isEmpty());
		CertificateCancelled cancelled = await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateCancelled.class), found -> !found.isEmpty())
			.get(0);
		assertThat(cancelled.caOrderId()).isEqualTo(held);
		await().atMost(PATIENCE).until(() -> store.find(orderId).block(TIMEOUT).strayCaOrderIds().isEmpty());
		assertThat(store.find(orderId).block(TIMEOUT).state()).isEqualTo(SubmissionState.CANCELLED);
	}

	@Test
	void everyQueryOfTheSweepsPinsAnIdOrIsServedByADeclaredIndexOverRecordsWithWorkOnly() {
		String orderId = kept(CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", "indexed.example.com");
		// a record with a stray and a due search for late orders, so every sweep query
		// has something to find
		store.noteStray(orderId, "stray-1", now()).block(TIMEOUT);
		commands.clear();
		// a few sweeps (each searches for due late-order checks, then for strays)
		await().atMost(PATIENCE)
			.until(() -> commands.stream().filter(filter -> filter.containsKey("referenceCheckAt")).count() >= 3);

		assertThat(mongo.indexOps(SubmissionRecord.class)
			.getIndexInfo()
			.map(IndexInfo::getName)
			.collectList()
			.block(TIMEOUT)).containsAll(SubmissionIndexes.ALL.stream().map(this::name).toList());
		List<BsonDocument> filters = List.copyOf(commands);
		assertThat(filters).isNotEmpty();
		assertThat(filters).allSatisfy(filter -> assertThat(servedByAnIndexOverWork(filter))
			.as("served by a declared index over records with work only: %s", filter)
			.isTrue());
	}

	/**
	 * DESIGN §4: the filter pins {@code _id}, or (each branch of an {@code $or}) names
	 * the leading key of a declared index that holds only records with work: a sparse
	 * one, or one led by the state when the filter asks only for states that do not last
	 * (never the settled states, which every order ever placed ends in).
	 */
	private static boolean servedByAnIndexOverWork(BsonDocument filter) {
		if (filter.containsKey("_id")) {
			return true;
		}
		if (filter.containsKey("$or")) {
			return filter.getArray("$or").stream().allMatch(branch -> servedByAnIndexOverWork(branch.asDocument()));
		}
		return SubmissionIndexes.ALL.stream().anyMatch(index -> {
			String leading = index.getIndexKeys().keySet().iterator().next();
			if (!filter.containsKey(leading)) {
				return false;
			}
			if (Boolean.TRUE.equals(index.getIndexOptions().get("sparse"))) {
				return true;
			}
			return leading.equals("state") && states(filter.get("state")).stream().noneMatch(SETTLED::contains);
		});
	}

	private static final List<String> SETTLED = List.of(SubmissionState.SUBMITTED.name(), SubmissionState.FAILED.name(),
			SubmissionState.CANCELLED.name());

	private static List<String> states(BsonValue condition) {
		if (condition.isString()) {
			return List.of(condition.asString().getValue());
		}
		BsonDocument operators = condition.asDocument();
		if (operators.containsKey("$in")) {
			return operators.getArray("$in").stream().map(state -> state.asString().getValue()).toList();
		}
		// any other operator ($ne, $nin, $exists) does not bound the states read
		return SETTLED;
	}

	private String name(Index index) {
		return (String) index.getIndexOptions().get("name");
	}

	/** The filters of the queries and writes sent to the submissions collection. */
	static final Queue<BsonDocument> commands = new ConcurrentLinkedQueue<>();

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordedCommands {

		@Bean
		MongoClientSettingsBuilderCustomizer recordCommands() {
			return settings -> settings.addCommandListener(new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					// a copy: the event's document is read from a buffer released after
					// the call
					BsonDocument command = event.getCommand().clone();
					BsonValue collection = command.get(event.getCommandName());
					if (collection == null || !collection.isString()
							|| !SubmissionRecord.COLLECTION.equals(collection.asString().getValue())) {
						return;
					}
					switch (event.getCommandName()) {
						case "find", "count" ->
							add(command.getDocument(event.getCommandName().equals("find") ? "filter" : "query",
									new BsonDocument()));
						case "findAndModify", "findandmodify" -> add(command.getDocument("query", new BsonDocument()));
						case "update" -> command.getArray("updates", new BsonArray())
							.forEach(update -> add(update.asDocument().getDocument("q")));
						case "delete" -> command.getArray("deletes", new BsonArray())
							.forEach(delete -> add(delete.asDocument().getDocument("q")));
						default -> {
						}
					}
				}

				private void add(BsonDocument filter) {
					// the kit's outbox relay (its own sweep) is the kit's to index
					if (!filter.containsKey("outbox.0")) {
						commands.add(filter);
					}
				}
			});
		}

	}

	/** An order kept for submission (its OrderPlaced handled), not paid yet. */
	private String kept(CertificateAuthority ca, String product, String domain) {
		return new KeptOrders(kafka, store).kept(ca, product, domain);
	}

	private static EventEnvelope event(String orderId, com.rvssl.contracts.events.OrderEvent payload) {
		return EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId, payload);
	}

	/** The CA orders of this reference neither cancelled nor revoked at the CA. */
	private List<Map<String, Object>> live(String orderId) {
		return sandbox.get()
			.ordersWithReference(orderId)
			.stream()
			.filter(order -> !"canceled".equals(order.get("status")) && !"revoked".equals(order.get("status")))
			.toList();
	}

	private double duplicatesCancelled() {
		return meters.get("rvssl.gateway.duplicate.ca.orders.cancelled").tag("ca", "digicert").counter().count();
	}

	private void publish(EventEnvelope envelope) {
		new KeptOrders(kafka, store).publish(envelope);
	}

	private static Instant now() {
		return KeptOrders.now();
	}

}
