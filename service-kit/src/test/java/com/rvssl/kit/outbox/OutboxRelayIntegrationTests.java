package com.rvssl.kit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.contracts.kafka.EventSerializer;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TopicRecorder;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay engine against the real broker and wire server the tests share: every entry
 * goes out once and in its document's order, even with two replicas relaying the same
 * collection at once; a claim another replica holds is respected until it runs out; a
 * failed send loses nothing; an entry that can never go out is set aside and holds up
 * nothing behind it.
 */
class OutboxRelayIntegrationTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	private static final OutboxCollection ACCOUNTS = OutboxCollection.named("accounts");

	private final String database = "outbox-" + UUID.randomUUID();

	// every reseller id of this test starts with it, so that events of other tests are
	// not counted
	private final String run = "relay-" + UUID.randomUUID() + "-";

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final List<KafkaTemplate<String, EventEnvelope>> templates = new ArrayList<>();

	private final List<OutboxRelay> started = new ArrayList<>();

	private MongoClient client;

	private ReactiveMongoTemplate mongo;

	@BeforeEach
	void connect() {
		client = MongoClients.create(TestInfrastructure.mongoUri(database));
		mongo = new ReactiveMongoTemplate(client, database);
	}

	@AfterEach
	void disconnect() {
		started.forEach(OutboxRelay::stop);
		templates.forEach(KafkaTemplate::destroy);
		mongo.getMongoDatabase().flatMap((db) -> Mono.from(db.drop())).block(WAIT);
		client.close();
	}

	@Test
	void twoReplicasPublishEveryEntryOnceAndEachDocumentInItsOrder() {
		int documents = 60;
		int entriesEach = 3;
		insert(IntStream.range(0, documents).mapToObj((i) -> account(run + i, entriesEach, "envelope")).toList());
		OutboxRelay replicaA = relay(TestInfrastructure.kafkaBootstrapServers());
		OutboxRelay replicaB = relay(TestInfrastructure.kafkaBootstrapServers());

		// both replicas keep relaying side by side until every outbox is empty
		Flux.merge(untilEmpty(replicaA), untilEmpty(replicaB)).blockLast(WAIT);

		// every send was acknowledged before its entry left the outbox: only the recorder
		// may still lag
		await().atMost(WAIT).until(() -> recorded().size() >= documents * entriesEach);
		assertThat(recorded()).as("no entry published twice").hasSize(documents * entriesEach);
		Map<String, List<String>> references = recorded().stream()
			.collect(Collectors.groupingBy(EventEnvelope::resellerId, Collectors
				.mapping((event) -> ((CreditToppedUp) event.payload()).reference(), Collectors.toList())));
		assertThat(references).hasSize(documents)
			.allSatisfy((reseller, sent) -> assertThat(sent).as("in the order they were written")
				.containsExactly(reseller + "#0", reseller + "#1", reseller + "#2"));
		assertThat(registry.get("rvssl.outbox.published").counter().count()).isEqualTo(documents * entriesEach);
		assertThat(remaining()).as("every outbox emptied, every claim given back").isEmpty();
	}

	@Test
	void anOutboxAnotherReplicaHoldsWaitsUntilItsClaimRunsOut() {
		Document held = account(run + "held", 1, "envelope").append(OutboxCollection.CLAIMED_UNTIL,
				Date.from(Instant.now().plus(Duration.ofMinutes(10))));
		Document abandoned = account(run + "abandoned", 1, "envelope").append(OutboxCollection.CLAIMED_UNTIL,
				Date.from(Instant.now().minus(Duration.ofSeconds(1))));
		insert(List.of(held, abandoned));

		relay(TestInfrastructure.kafkaBootstrapServers()).relayOnce().block(WAIT);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(recorded()).extracting(EventEnvelope::resellerId)
				.containsExactly(run + "abandoned"));
		assertThat(remaining()).extracting((document) -> document.getString("_id")).containsExactly(run + "held");
	}

	@Test
	void entriesWrittenBeforeTheKitUnderJsonStillGoOut() {
		insert(List.of(account(run + "legacy", 2, "json")));

		relay(TestInfrastructure.kafkaBootstrapServers()).relayOnce().block(WAIT);

		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(recorded()).hasSize(2);
			assertThat(remaining()).isEmpty();
		});
	}

	@Test
	void aSendThatFailsKeepsTheEntriesAndGivesTheClaimBack() {
		insert(List.of(account(run + "unsent", 2, "envelope")));
		// a broker nobody listens on: the send fails once its metadata wait is over
		OutboxRelay cutOff = relay("127.0.0.1:1");

		cutOff.relayOnce().block(WAIT);

		List<Document> left = remaining();
		assertThat(left).hasSize(1);
		assertThat(left.get(0).getList(OutboxCollection.OUTBOX, Document.class)).hasSize(2);
		assertThat(left.get(0).containsKey(OutboxCollection.CLAIMED_UNTIL)).as("claim given back").isFalse();
		assertThat(registry.get("rvssl.outbox.published").counter().count()).isZero();
	}

	@Test
	void aRelayWhoseClaimRanOutStillRemovesWhatItSentAndLeavesTheNewClaimAlone() {
		insert(List.of(account(run + "taken-over", 2, "envelope")));
		Date othersClaim = Date.from(Instant.now().plus(Duration.ofMinutes(10)));
		Query document = Query.query(Criteria.where("_id").is(run + "taken-over"));
		KafkaTemplate<String, EventEnvelope> slow = new KafkaTemplate<>(
				producerFactory(TestInfrastructure.kafkaBootstrapServers())) {
			@Override
			public CompletableFuture<SendResult<String, EventEnvelope>> send(String topic, String key,
					EventEnvelope data) {
				// while this relay sends, its claim runs out and another replica claims
				// the outbox
				mongo
					.updateFirst(document,
							new org.springframework.data.mongodb.core.query.Update().set(OutboxCollection.CLAIMED_UNTIL,
									othersClaim),
							"accounts")
					.block(WAIT);
				return super.send(topic, key, data);
			}
		};
		templates.add(slow);
		OutboxRelay relay = new OutboxRelay(ACCOUNTS, mongo, slow,
				new OutboxProperties(Duration.ofHours(1), 100, Duration.ofSeconds(45), Duration.ofSeconds(5), 8),
				registry);

		relay.publish(run + "taken-over").block(WAIT);

		Document after = mongo.findOne(document, Document.class, "accounts").block(WAIT);
		assertThat(after.getList(OutboxCollection.OUTBOX, Document.class)).as("the sent entries left").isEmpty();
		assertThat(after.getDate(OutboxCollection.CLAIMED_UNTIL)).as("the other replica's claim kept")
			.isEqualTo(othersClaim);
		await().atMost(WAIT).untilAsserted(() -> assertThat(recorded()).hasSize(2));
	}

	@Test
	void anEntryThatCanNeverBePublishedIsParkedAndTheEntriesBehindItStillGoOut() {
		String reseller = run + "poisoned";
		List<Document> outbox = new ArrayList<>(
				account(reseller, 2, "envelope").getList(OutboxCollection.OUTBOX, Document.class));
		// between the two good entries: one whose envelope cannot be read, and one the
		// producer refuses for good (larger than its 1 MiB max.request.size)
		outbox.add(1, new Document("eventId", UUID.randomUUID().toString()).append("envelope", "{not an envelope"));
		EventEnvelope tooLarge = EventEnvelope.of(reseller, "test",
				new CreditToppedUp(Money.of(1, "USD"), Money.of(1, "USD"), "x".repeat(2 * 1024 * 1024)));
		outbox.add(2, new Document("eventId", tooLarge.eventId().toString()).append("envelope",
				EventJson.writeString(tooLarge)));
		insert(List.of(new Document("_id", reseller).append(OutboxCollection.OUTBOX, outbox)));

		relay(TestInfrastructure.kafkaBootstrapServers()).relayOnce().block(WAIT);

		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(recorded()).extracting((event) -> ((CreditToppedUp) event.payload()).reference())
						.containsExactly(reseller + "#0", reseller + "#1"));
		assertThat(remaining()).as("nothing left to publish").isEmpty();
		Document document = mongo.findById(reseller, Document.class, "accounts").block(WAIT);
		assertThat(document.getList(OutboxCollection.PARKED, Document.class)).hasSize(2)
			.satisfiesExactly(
					(unreadable) -> assertThat(unreadable.getString("envelope")).isEqualTo("{not an envelope"),
					(refused) -> assertThat(refused.getString("reason")).contains("RecordTooLargeException"));
		assertThat(registry.get("rvssl.outbox.parked").counter().count()).isEqualTo(2);
		assertThat(registry.get("rvssl.outbox.published").counter().count()).isEqualTo(2);
	}

	@Test
	void aWakeUpPublishesAtOnceWithoutWaitingForTheSweep() {
		insert(List.of(account(run + "woken", 2, "envelope"), account(run + "not-woken", 1, "envelope")));
		OutboxRelay relay = started(relay(TestInfrastructure.kafkaBootstrapServers(), Duration.ofHours(1)));

		relay.filled(run + "woken");

		// far sooner than the sweep (an hour): only the wake-up can have published them
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(recorded()).extracting(EventEnvelope::resellerId)
				.containsExactly(run + "woken", run + "woken"));
		assertThat(remaining()).extracting((document) -> document.getString("_id"))
			.as("a document nobody woke waits for the sweep")
			.containsExactly(run + "not-woken");
	}

	@Test
	void entriesWrittenWhileTheOutboxIsClaimedGoOutWhenTheClaimIsGivenBack() {
		insert(List.of(account(run + "busy", 1, "envelope")));
		OutboxRelay relay = started(relay(TestInfrastructure.kafkaBootstrapServers(), Duration.ofHours(1)));

		// a burst of writes, each waking the relay, while it publishes the first ones
		for (int n = 1; n <= 5; n++) {
			Document more = account(run + "busy", 1, "envelope").getList(OutboxCollection.OUTBOX, Document.class)
				.get(0);
			mongo
				.updateFirst(Query.query(Criteria.where("_id").is(run + "busy")),
						new org.springframework.data.mongodb.core.query.Update().push(OutboxCollection.OUTBOX, more),
						"accounts")
				.block(WAIT);
			relay.filled(run + "busy");
		}

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(recorded()).hasSize(6);
			assertThat(remaining()).isEmpty();
		});
	}

	@Test
	void theFirstSweepAfterAStartPublishesWhatACrashLeftWithoutAWakeUp() {
		// entries written just before a crash (no wake-up), one outbox under the claim of
		// the relay that died
		insert(List.of(account(run + "left", 2, "envelope"), account(run + "claimed-by-the-dead", 1, "envelope")
			.append(OutboxCollection.CLAIMED_UNTIL, Date.from(Instant.now().minusSeconds(1)))));

		started(relay(TestInfrastructure.kafkaBootstrapServers(), Duration.ofHours(1)));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(recorded()).hasSize(3);
			assertThat(remaining()).isEmpty();
		});
	}

	@Test
	void aDocumentsEntriesAreSentWithoutWaitingOnEachAcknowledgement() {
		insert(List.of(account(run + "pipelined", 5, "envelope")));
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		KafkaTemplate<String, EventEnvelope> counting = new KafkaTemplate<>(
				producerFactory(TestInfrastructure.kafkaBootstrapServers())) {
			@Override
			public CompletableFuture<SendResult<String, EventEnvelope>> send(String topic, String key,
					EventEnvelope data) {
				mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				return super.send(topic, key, data).whenComplete((result, ex) -> inFlight.decrementAndGet());
			}
		};
		templates.add(counting);
		OutboxRelay relay = new OutboxRelay(ACCOUNTS, mongo, counting,
				new OutboxProperties(Duration.ofHours(1), 100, Duration.ofSeconds(45), Duration.ofSeconds(5), 8),
				registry);
		started(relay);

		relay.filled(run + "pipelined");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(recorded()).extracting((event) -> ((CreditToppedUp) event.payload()).reference())
						.containsExactly(run + "pipelined#0", run + "pipelined#1", run + "pipelined#2",
								run + "pipelined#3", run + "pipelined#4"));
		assertThat(mostInFlight.get()).as("sends started before the first one was acknowledged").isGreaterThan(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(remaining()).isEmpty());
	}

	@Test
	void oneSweepPublishesMoreDocumentsThanABatch() {
		insert(IntStream.range(0, 250).mapToObj((i) -> account(run + i, 1, "envelope")).toList());

		relay(TestInfrastructure.kafkaBootstrapServers()).relayOnce().block(WAIT);

		assertThat(remaining()).isEmpty();
		await().atMost(WAIT).untilAsserted(() -> assertThat(recorded()).hasSize(250));
	}

	@Test
	void theSweepReadsTheIndexOfPendingDocumentsNotTheCollection() {
		int done = 3_000;
		insert(IntStream.range(0, done)
			.mapToObj((i) -> new Document("_id", run + "done-" + i).append(OutboxCollection.OUTBOX, List.of()))
			.toList());
		insert(List.of(account(run + "pending", 1, "envelope")));
		OutboxRelay relay = relay(TestInfrastructure.kafkaBootstrapServers());
		relay.relayOnce().block(WAIT);
		insert(List.of(account(run + "pending-2", 1, "envelope")));

		List<Document> indexes = mongo.getCollection("accounts")
			.flatMapMany((collection) -> collection.listIndexes())
			.collectList()
			.block(WAIT);
		assertThat(indexes).filteredOn((index) -> PendingOutboxes.INDEX_NAME.equals(index.getString("name")))
			.singleElement()
			.satisfies((index) -> assertThat(index.get("partialFilterExpression", Document.class))
				.isEqualTo(new Document(PendingOutboxes.PENDING_FIELD, new Document("$exists", true))));

		OptionalLong before = TestInfrastructure.mongoDocumentsExamined();
		relay.relayOnce().block(WAIT);
		if (before.isPresent()) {
			// the embedded server counts what it reads: a scan would read every document
			assertThat(TestInfrastructure.mongoDocumentsExamined().getAsLong() - before.getAsLong())
				.isLessThan(done / 10);
		}
		else {
			Document plan = mongo.getMongoDatabase()
				.flatMap((db) -> Mono.from(db.runCommand(new Document("explain",
						new Document("find", "accounts").append("filter",
								new Document(PendingOutboxes.PENDING_FIELD, new Document("$exists", true)))))))
				.block(WAIT);
			assertThat(plan.toJson()).contains(PendingOutboxes.INDEX_NAME);
		}
		assertThat(remaining()).isEmpty();
	}

	// on a fresh broker the topic comes with the first send, later than the test
	// producer's
	// short metadata wait: a started relay's first send must not depend on it
	private OutboxRelay started(OutboxRelay relay) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(Topics.ACCOUNTS, Optional.empty(), Optional.empty())))
				.all()
				.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(TopicExistsException.class);
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
		relay.start();
		started.add(relay);
		return relay;
	}

	private Flux<Void> untilEmpty(OutboxRelay relay) {
		return relay.relayOnce()
			.then(mongo.count(pending(), "accounts"))
			.repeat()
			.takeUntil((pending) -> pending == 0)
			.then()
			.subscribeOn(Schedulers.parallel())
			.flux();
	}

	private OutboxRelay relay(String bootstrapServers) {
		return relay(bootstrapServers, Duration.ofMillis(200));
	}

	private OutboxRelay relay(String bootstrapServers, Duration sweepInterval) {
		KafkaTemplate<String, EventEnvelope> kafka = new KafkaTemplate<>(producerFactory(bootstrapServers));
		templates.add(kafka);
		return new OutboxRelay(ACCOUNTS, mongo, kafka,
				new OutboxProperties(sweepInterval, 100, Duration.ofSeconds(45), Duration.ofSeconds(5), 8), registry);
	}

	private static DefaultKafkaProducerFactory<String, EventEnvelope> producerFactory(String bootstrapServers) {
		return new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000), new StringSerializer(), new EventSerializer());
	}

	/**
	 * An account document with {@code entries} events in its outbox, the envelope under
	 * {@code field}.
	 */
	private static Document account(String resellerId, int entries, String field) {
		List<Document> outbox = IntStream.range(0, entries).mapToObj((n) -> {
			EventEnvelope event = EventEnvelope.of(resellerId, "test",
					new CreditToppedUp(Money.of(100, "USD"), Money.of(100L * (n + 1), "USD"), resellerId + "#" + n));
			return new Document("eventId", event.eventId().toString()).append(field, EventJson.writeString(event));
		}).toList();
		return new Document("_id", resellerId).append("balance", 0).append(OutboxCollection.OUTBOX, outbox);
	}

	private static Query pending() {
		return Query.query(Criteria.where(OutboxCollection.OUTBOX + ".0").exists(true));
	}

	private void insert(List<Document> documents) {
		mongo.insert(documents, "accounts").blockLast(WAIT);
	}

	/**
	 * The documents still holding entries. The relay settles its sends in one write after
	 * the broker's acks, so a consumer may see the records before that write: tests wait
	 * for both.
	 */
	private List<Document> remaining() {
		return mongo.find(pending(), Document.class, "accounts").collectList().block(WAIT);
	}

	private List<EventEnvelope> recorded() {
		return TopicRecorder.get()
			.events(Topics.ACCOUNTS)
			.stream()
			.filter((event) -> event.resellerId().startsWith(run))
			.toList();
	}

}
