package com.rvssl.statussync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.kafka.EventDeserializer;
import com.rvssl.contracts.testing.TestInfrastructure;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackingState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two status-sync replicas (two Spring contexts in this JVM) share one MongoDB database, one broker
 * and one stand-in gateway, with outstanding orders (see {@link #ORDERS}), each pending once and then
 * issued. Replica A is stopped while it holds leases: its claims run out (2 s here) and replica B
 * finishes them. Every order must end DONE and its CertificateIssued be published exactly once.
 */
class TwoReplicasIntegrationTests {

	/**
	 * 500 by default (under a minute here): the embedded wire server has no secondary indexes, so
	 * every claim scans the collection. {@code -Dreplicas.orders=5000} for the full run.
	 */
	private static final int ORDERS = Integer.getInteger("replicas.orders", 500);

	private static final String DATABASE = "status-sync-replicas";

	private static final GatewayStandIn gateway = GatewayStandIn.start();

	@AfterAll
	static void stopGateway() {
		gateway.stop();
	}

	@Test
	void twoReplicasFinishEveryOrderOnceEvenWhenOneStopsMidLease() {
		ConfigurableApplicationContext replicaA = replica("replica-a");
		ConfigurableApplicationContext replicaB = null;
		try {
			ReactiveMongoTemplate mongo = replicaA.getBean(ReactiveMongoTemplate.class);
			String run = UUID.randomUUID().toString().substring(0, 8);
			List<TrackedOrder> orders = new ArrayList<>();
			Instant now = Instant.now();
			for (int i = 0; i < ORDERS; i++) {
				String orderId = "rep-" + run + "-" + i;
				gateway.script(orderId, GatewayStandIn.pending("pending", "waiting"), GatewayStandIn.issued());
				orders.add(new TrackedOrder(orderId, "reseller-1", "corr-" + orderId, CertificateAuthority.DIGICERT,
						"ca-" + orderId, TrackingState.OUTSTANDING, null, null, null, now, now, 0, 0, null, null, null,
						List.of(), List.of(), Validation.DV, now, null, null, null));
			}
			replicaB = replica("replica-b");
			mongo.insertAll(orders).then().block(Duration.ofSeconds(60));
			Query ours = Query.query(Criteria.where("_id").regex("^rep-" + run + "-"));

			// stop A while it holds claims on orders still outstanding
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
				.until(() -> mongo.count(Query.query(Criteria.where("_id").regex("^rep-" + run + "-")
					.and("state").is(TrackingState.OUTSTANDING)
					.and("leaseOwner").is("replica-a")), TrackedOrder.class).block(Duration.ofSeconds(10)) > 0);
			long heldByA = mongo.count(Query.query(Criteria.where("_id").regex("^rep-" + run + "-")
				.and("state").is(TrackingState.OUTSTANDING)
				.and("leaseOwner").is("replica-a")), TrackedOrder.class).block(Duration.ofSeconds(10));
			replicaA.close();
			ReactiveMongoTemplate mongoB = replicaB.getBean(ReactiveMongoTemplate.class);
			long orphaned = mongoB.count(Query.query(Criteria.where("_id").regex("^rep-" + run + "-")
				.and("state").is(TrackingState.OUTSTANDING)
				.and("leaseOwner").is("replica-a")), TrackedOrder.class).block(Duration.ofSeconds(10));

			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
				.until(() -> {
					long done = mongoB.count(Query.query(Criteria.where("_id").regex("^rep-" + run + "-")
						.and("state").is(TrackingState.DONE)), TrackedOrder.class).block(Duration.ofSeconds(10));
					System.out.printf("replicas: %d of %d orders done%n", done, ORDERS);
					return done == ORDERS;
				});
			assertThat(mongoB.count(ours, TrackedOrder.class).block(Duration.ofSeconds(10))).isEqualTo(ORDERS);

			Map<String, Integer> issued = issuedEventsPerOrder("rep-" + run + "-");
			assertThat(issued).hasSize(ORDERS);
			assertThat(issued.values()).as("CertificateIssued per order").allMatch(count -> count == 1);
			System.out.printf("two replicas: %d orders, replica A stopped holding %d leases (%d still claimed after"
					+ " its close), all issued once%n", ORDERS, heldByA, orphaned);
		}
		finally {
			if (replicaA.isActive()) {
				replicaA.close();
			}
			if (replicaB != null) {
				replicaB.close();
			}
		}
	}

	/** Reads the orders topic from the start until every order has its CertificateIssued and a little longer. */
	private static Map<String, Integer> issuedEventsPerOrder(String prefix) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "replicas-observer-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, Integer> issued = new HashMap<>();
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
						issued.merge(envelope.orderId(), 1, Integer::sum);
					}
				}
				if (issued.size() == ORDERS && quietUntil == Long.MAX_VALUE) {
					// keep reading a while: a duplicate would show up now
					quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
				}
			}
		}
		return issued.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static ConfigurableApplicationContext replica(String name) {
		// command-line arguments: they win over application.yml (default properties would not)
		return new SpringApplicationBuilder(StatusSyncApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
				"--spring.mongodb.uri=" + TestInfrastructure.mongoUri(DATABASE),
				"--spring.kafka.consumer.group-id=status-sync-replicas", "--rvssl.gateway.base-url=" + gateway.baseUrl(),
				"--rvssl.sync.lease-owner=" + name, "--rvssl.sync.lease=PT2S", "--rvssl.sync.poll-interval=PT0.1S",
				"--rvssl.sync.min-interval.digicert=PT0.5S", "--rvssl.sync.batch-size=100", "--rvssl.sync.concurrency=16",
				"--rvssl.outbox.poll-interval=PT0.1S", "--spring.jmx.enabled=false");
	}

}
