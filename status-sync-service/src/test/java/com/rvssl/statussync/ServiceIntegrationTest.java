package com.rvssl.statussync;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackedOrders;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * What the integration test classes do from outside the service: publish events as the
 * other services would, read back what status sync published (the test kit's
 * {@link TopicRecorder}), look at the tracked orders as stored, and call the HTTP API.
 * Each subclass brings its own {@code @SpringBootTest} settings and its own
 * {@link GatewayStandIn}: the cached context of another class keeps consuming the orders
 * topic, and must not use up this class's gateway scripts.
 */
abstract class ServiceIntegrationTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	protected final TopicRecorder published = TopicRecorder.get();

	@Autowired
	protected KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	protected TrackedOrders trackedOrders;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	/** A client without a key. */
	@Autowired
	protected WebTestClient anyone;

	/** A client with the platform's service key, as the internal API asks. */
	protected WebTestClient http;

	@BeforeEach
	void callAsAService() {
		http = anyone.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.SERVICE_KEY).build();
	}

	/**
	 * Points the context at the shared broker, a database of its own and the class's
	 * gateway stand-in.
	 */
	protected static void register(DynamicPropertyRegistry registry, String database, GatewayStandIn gateway) {
		TestInfrastructure.register(registry, database);
		TestKeys.register(registry);
		registry.add("rvssl.gateway.base-url", gateway::baseUrl);
		registry.add("rvssl.gateway.service-key", () -> TestKeys.SERVICE_KEY);
	}

	protected void send(EventEnvelope envelope) {
		kafka.send(Topics.ORDERS, envelope.key(), envelope).join();
	}

	/**
	 * The gateway's CertificateSubmitted, with the CA order id the gateway stand-in
	 * answers with.
	 */
	protected static EventEnvelope submitted(String orderId, CertificateAuthority ca) {
		return submitted(orderId, ca, "ca-" + orderId);
	}

	protected static EventEnvelope submitted(String orderId, CertificateAuthority ca, String caOrderId) {
		return EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId, new CertificateSubmitted(ca, caOrderId));
	}

	protected static String newOrderId() {
		return "ord-" + UUID.randomUUID();
	}

	/** The order as stored, or null while it is not tracked. */
	protected TrackedOrder tracked(String orderId) {
		return trackedOrders.byId(orderId).block(Duration.ofSeconds(5));
	}

	protected Instant nextCheckOf(String orderId) {
		return tracked(orderId).nextCheckAt();
	}

	/**
	 * As if the order had waited long and been pushed back by the pace: its next check
	 * {@code hours} from now, written once no check holds it.
	 */
	protected void postponeByHours(String orderId, int hours) {
		await().atMost(PATIENCE)
			.until(() -> mongo.updateFirst(Query.query(Criteria.where("_id").is(orderId).and("leaseId").is(null)),
					new Update().set("nextCheckAt", Instant.now().plus(Duration.ofHours(hours))), TrackedOrder.class)
				.block(Duration.ofSeconds(5))
				.getModifiedCount() == 1);
	}

}
