package com.rvssl.statussync;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.kafka.EventDeserializer;
import com.rvssl.kit.test.ServiceJar;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two status-sync replicas, each the packaged jar in a JVM of its own, share one MongoDB
 * database, one broker and one stand-in gateway (answering in 150 ms), with
 * {@link #ORDERS} outstanding orders, each pending once and then issued. Replica A is
 * killed (SIGKILL: no shutdown, its leases and outbox claims left behind) while it holds
 * leases; replica B takes its claims once they run out. Every order must end DONE, and
 * each must have exactly one CertificateIssued event on the orders topic (counted by
 * event id: a replica killed between the broker's ack and the outbox clean-up makes the
 * other publish that same event again, which consumers drop by its id; the raw count is
 * printed). Runs under failsafe, after {@code package} built
 * {@code target/status-sync-service.jar}.
 */
class TwoReplicasKilledIT {

	/**
	 * 1,000 by default (about two minutes with the JVM starts, on two busy shared cores):
	 * the embedded wire server has no secondary indexes, so every conditional write scans
	 * the collection, and 5,000 take five to six minutes here.
	 * {@code -Dreplicas.orders=5000} for the full run (figures in the README).
	 */
	private static final int ORDERS = Integer.getInteger("replicas.orders", 1_000);

	private static final String DATABASE = "status-sync-killed-replica";

	private static final String COLLECTION = "tracked_orders";

	private final List<ServiceJar> started = new ArrayList<>();

	private GatewayStandIn gateway;

	private MongoClient mongoClient;

	@AfterEach
	void stopEverything() {
		started.forEach(ServiceJar::close);
		if (gateway != null) {
			gateway.stop();
		}
		if (mongoClient != null) {
			mongoClient.close();
		}
	}

	@Test
	void twoReplicasFinishEveryOrderOnceEvenWhenOneIsKilledMidLease() throws Exception {
		gateway = GatewayStandIn.start();
		String mongoUri = TestInfrastructure.mongoUri(DATABASE);
		mongoClient = MongoClients.create(mongoUri);
		ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(mongoClient, DATABASE);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String prefix = "kill-" + run + "-";
		Date now = Date.from(Instant.now());
		List<Document> orders = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			String orderId = prefix + i;
			gateway.script(orderId, GatewayStandIn.pending("pending", "waiting"), GatewayStandIn.issued());
			// a CA answer takes a moment, as a real one does: claims are held while it
			// comes
			gateway.slow(orderId, Duration.ofMillis(150));
			orders.add(outstanding(orderId, now));
		}

		// started side by side: a Boot jar takes a while to start on a busy machine
		ServiceJar replicaA = start("replica-a", mongoUri);
		ServiceJar replicaB = start("replica-b", mongoUri);
		replicaA.awaitReady(Duration.ofMinutes(5));
		replicaB.awaitReady(Duration.ofMinutes(5));
		long startedAt = System.nanoTime();
		Flux.fromIterable(orders)
			.buffer(1_000)
			.concatMap(page -> mongo.insert(page, COLLECTION).then())
			.then()
			.block(Duration.ofMinutes(2));

		// kill A once the run is under way and A holds claims on orders still outstanding
		// the wire server scans the collection for every claim, write and count: larger
		// runs need longer
		Duration patience = Duration.ofMinutes(Math.max(4, ORDERS / 250));
		Awaitility.await()
			.atMost(patience)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> count(mongo, prefix, "DONE") >= ORDERS / 20 && heldBy(mongo, prefix, "replica-a") > 0);
		long heldByA = heldBy(mongo, prefix, "replica-a");
		replicaA.kill();
		long doneAtKill = count(mongo, prefix, "DONE");
		long orphaned = heldBy(mongo, prefix, "replica-a");
		assertThat(replicaA.isAlive()).isFalse();
		assertThat(orphaned).as("A died holding leases").isPositive();

		Awaitility.await().atMost(patience.multipliedBy(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			assertThat(replicaB.isAlive()).as("replica B is alive").isTrue();
			return count(mongo, prefix, "DONE") == ORDERS;
		});
		double seconds = (System.nanoTime() - startedAt) / 1e9;
		assertThat(heldBy(mongo, prefix, "replica-a")).isZero();

		Map<String, Set<String>> issuedIds = new HashMap<>();
		int records = issuedEvents(prefix, issuedIds);
		assertThat(issuedIds).as("a CertificateIssued for every order").hasSize(ORDERS);
		assertThat(issuedIds.values()).as("one CertificateIssued event per order").allMatch(ids -> ids.size() == 1);
		System.out.printf("%ntwo replicas, A killed: %,d orders done in %.1f s; A held %d leases when killed (%d still"
				+ " its after the kill), %d done by then; %,d CertificateIssued records on the topic for %,d distinct"
				+ " events (%d republished by the outbox after the kill)%n", ORDERS, seconds, heldByA, orphaned,
				doneAtKill, records, ORDERS, records - ORDERS);
	}

	private static Document outstanding(String orderId, Date now) {
		return new Document("_id", orderId).append("resellerId", "reseller-1")
			.append("correlationId", "corr-" + orderId)
			.append("ca", "DIGICERT")
			.append("caOrderId", "ca-" + orderId)
			.append("state", "OUTSTANDING")
			.append("submittedAt", now)
			.append("nextCheckAt", now)
			.append("checks", 0)
			.append("consecutiveFailures", 0)
			.append("outbox", List.of())
			.append("appliedEventIds", List.of())
			.append("validation", "DV")
			.append("paceFrom", now);
	}

	private static long count(ReactiveMongoTemplate mongo, String prefix, String state) {
		return mongo.count(Query.query(Criteria.where("_id").regex("^" + prefix).and("state").is(state)), COLLECTION)
			.block(Duration.ofSeconds(30));
	}

	/** Outstanding orders whose current claim is {@code owner}'s. */
	private static long heldBy(ReactiveMongoTemplate mongo, String prefix, String owner) {
		return mongo.count(Query.query(
				Criteria.where("_id").regex("^" + prefix).and("state").is("OUTSTANDING").and("leaseOwner").is(owner)),
				COLLECTION)
			.block(Duration.ofSeconds(30));
	}

	/**
	 * Reads the orders topic from the start until every order has its CertificateIssued
	 * and a few quiet seconds more (a late duplicate would show then), collecting event
	 * ids per order.
	 * @return how many CertificateIssued records were read
	 */
	private static int issuedEvents(String prefix, Map<String, Set<String>> idsPerOrder) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "killed-replica-observer-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		int records = 0;
		try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new EventDeserializer())) {
			consumer.subscribe(Set.of(Topics.ORDERS));
			long quietUntil = Long.MAX_VALUE;
			long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (System.nanoTime() < Math.min(quietUntil, giveUp)) {
				for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(500))) {
					EventEnvelope envelope = record.value();
					if (envelope != null && envelope.orderId() != null && envelope.orderId().startsWith(prefix)
							&& envelope.payload() instanceof CertificateIssued) {
						records++;
						idsPerOrder.computeIfAbsent(envelope.orderId(), id -> new HashSet<>())
							.add(envelope.eventId().toString());
					}
				}
				if (idsPerOrder.size() == ORDERS && quietUntil == Long.MAX_VALUE) {
					quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
				}
			}
		}
		return records;
	}

	private ServiceJar start(String name, String mongoUri) throws IOException {
		ServiceJar replica = ServiceJar.start("status-sync-service", "killed-replica-" + name,
				"--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
				"--spring.mongodb.uri=" + mongoUri, "--spring.kafka.consumer.group-id=status-sync-killed-replica",
				"--rvssl.gateway.base-url=" + gateway.baseUrl(), "--rvssl.gateway.service-key=" + TestKeys.SERVICE_KEY,
				"--rvssl.security.service-key-hash=" + TestKeys.sha256Hex(TestKeys.SERVICE_KEY),
				"--rvssl.sync.lease-owner=" + name, "--rvssl.sync.lease=PT5S", "--rvssl.sync.poll-interval=PT0.1S",
				"--rvssl.sync.min-interval.digicert=PT0.5S", "--rvssl.sync.batch-size=100",
				"--rvssl.sync.concurrency=16", "--rvssl.outbox.sweep-interval=PT1S", "--spring.jmx.enabled=false");
		started.add(replica);
		return replica;
	}

}
