package com.rvssl.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TopicRecorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Shared set-up of billing's integration tests: one application context (same
 * configuration in every class, so Spring caches and shares it, and one consumer group
 * serves every test) on the real broker and wire server. Tests isolate themselves by
 * creating their own resellers and orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.billing.sweep-interval=PT1S", "rvssl.outbox.sweep-interval=PT1H",
				// as behind a proxy: X-Forwarded-For gives each test browser its own
				// address
				"server.forward-headers-strategy=framework" })
@AutoConfigureWebTestClient
abstract class BillingIntegrationTest {

	static final String OPERATOR_KEY = "test-operator-key";

	static final String WEBHOOK_SECRET = "test-payment-webhook-secret";

	private static KafkaTemplate<String, byte[]> publisher;

	@Autowired
	WebTestClient web;

	@Autowired
	ReactiveMongoTemplate mongo;

	TopicRecorder topics;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "billing-it");
		registry.add("rvssl.security.operator-key-hash", () -> ApiKeys.hash(OPERATOR_KEY));
		registry.add("rvssl.payments.webhook-secret", () -> WEBHOOK_SECRET);
		registry.add("rvssl.payments.provider.base-url", () -> FakePaymentProvider.get().baseUrl());
		registry.add("rvssl.payments.provider.api-key", () -> FakePaymentProvider.API_KEY);
		registry.add("rvssl.payments.provider.timeout", () -> "PT5S");
	}

	@BeforeEach
	void connectToTopics() {
		topics = TopicRecorder.get();
		// the default 5 s is too short for the first requests on a loaded two-core
		// machine
		web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	/**
	 * After every billing test, for every account in the database (this test's and all
	 * earlier ones'): once the in-flight movements are completed, balance = sum(ledger),
	 * and each order has at most one CHARGE and at most one REFUND.
	 */
	@AfterEach
	void moneyInvariantsHold() {
		eventually().ignoreExceptions().untilAsserted(() -> BillingInvariants.assertHold(mongo));
	}

	static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
	}

	Reseller newReseller() {
		NewReseller created = web.post()
			.uri("/api/v1/admin/resellers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.bodyValue(Map.of("name", "Hosting " + UUID.randomUUID(), "currency", "USD"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(NewReseller.class)
			.returnResult()
			.getResponseBody();
		return new Reseller(created.resellerId(), created.apiKey());
	}

	/**
	 * Credit for a test that only needs some: the operator records a bank transfer,
	 * credited at once.
	 */
	TopUpReceipt topUp(Reseller reseller, long amount) {
		return bankTransfer(reseller, UUID.randomUUID().toString(), amount).expectStatus()
			.isCreated()
			.expectBody(TopUpReceipt.class)
			.returnResult()
			.getResponseBody();
	}

	WebTestClient.ResponseSpec bankTransfer(Reseller reseller, String idempotencyKey, long amount) {
		return web.post()
			.uri("/api/v1/admin/resellers/{id}/top-ups", reseller.resellerId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.header("Idempotency-Key", idempotencyKey)
			.bodyValue(Map.of("amount", Map.of("amount", amount, "currency", "USD"), "reference", "wire"))
			.exchange();
	}

	/** A reseller's top-up: a payment to make. */
	TopUpView payment(Reseller reseller, long amount) {
		return web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("amount", Map.of("amount", amount, "currency", "USD"), "reference", "card"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(TopUpView.class)
			.returnResult()
			.getResponseBody();
	}

	TopUpView topUpStatus(Reseller reseller, String topUpId) {
		return web.get()
			.uri("/api/v1/account/top-ups/{id}", topUpId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(TopUpView.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The provider's callback for the payment billing asked for {@code topUp}, signed now
	 * with the shared secret.
	 */
	WebTestClient.ResponseSpec confirm(TopUpView topUp) {
		FakePaymentProvider.Payment payment = FakePaymentProvider.get().paymentFor(topUp.id());
		return callback(PaymentCallbacks.body("payment.succeeded", payment.id(), topUp.id(), payment.amount(),
				payment.currency()));
	}

	WebTestClient.ResponseSpec callback(String body) {
		return callback(body, PaymentCallbacks.header(WEBHOOK_SECRET, Instant.now().getEpochSecond(), body));
	}

	WebTestClient.ResponseSpec callback(String body, String signatureHeader) {
		WebTestClient.RequestBodySpec request = web.post()
			.uri("/payments/callback")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON);
		if (signatureHeader != null) {
			request.header("Rvssl-Payment-Signature", signatureHeader);
		}
		return request.bodyValue(body).exchange();
	}

	AccountView account(Reseller reseller) {
		return web.get()
			.uri("/api/v1/account")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(AccountView.class)
			.returnResult()
			.getResponseBody();
	}

	List<LedgerLine> ledger(Reseller reseller) {
		return web.get()
			.uri("/api/v1/account/ledger?size=200")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(LedgerPage.class)
			.returnResult()
			.getResponseBody()
			.content();
	}

	List<WaitingLine> waitingOrders(Reseller reseller) {
		return web.get()
			.uri("/api/v1/account/waiting-orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(WaitingLine.class)
			.returnResult()
			.getResponseBody();
	}

	static long ledgerSum(List<LedgerLine> ledger) {
		return ledger.stream().mapToLong((line) -> line.amount().amount()).sum();
	}

	static String newOrderId() {
		return "ord-" + UUID.randomUUID();
	}

	static EventEnvelope orderPlaced(Reseller reseller, String orderId, long wholesale) {
		return orderPlaced(reseller, orderId, Money.of(wholesale, "USD"));
	}

	static EventEnvelope orderPlaced(Reseller reseller, String orderId, Money wholesale) {
		OrderPlaced placed = new OrderPlaced("DV-SINGLE", CertificateAuthority.DIGICERT, "ssl_dv_geotrust",
				Validation.DV, 12, List.of("example.com"), "-----BEGIN CERTIFICATE REQUEST-----", null,
				new Customer("Ann", "ann@example.com"), null, wholesale,
				Money.of(wholesale.amount() * 2, wholesale.currency()), "whmcs-1");
		return orderEvent(reseller, orderId, placed);
	}

	static EventEnvelope orderEvent(Reseller reseller, String orderId, OrderEvent payload) {
		return EventEnvelope.of(orderId, reseller.resellerId(), "corr-" + orderId, payload);
	}

	/**
	 * An order's {@code OrderPlaced} as order-service stamped it at {@code placedAt} (its
	 * envelope's {@code occurredAt}), whenever it is delivered.
	 */
	static EventEnvelope orderPlacedAt(Reseller reseller, String orderId, long wholesale, Instant placedAt) {
		EventEnvelope placed = orderPlaced(reseller, orderId, wholesale);
		return new EventEnvelope(placed.eventId(), placed.type(), placed.schemaVersion(), placedAt, placed.orderId(),
				placed.resellerId(), placed.correlationId(), placed.payload());
	}

	static RecordMetadata publish(EventEnvelope envelope) {
		return publishRaw(envelope.key(), EventJson.write(envelope));
	}

	static RecordMetadata publishRaw(String key, byte[] value) {
		return publisher().send(Topics.ORDERS, key, value).join().getRecordMetadata();
	}

	private static synchronized KafkaTemplate<String, byte[]> publisher() {
		if (publisher == null) {
			publisher = new KafkaTemplate<>(
					new DefaultKafkaProducerFactory<>(
							Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
									ProducerConfig.ACKS_CONFIG, "all"),
							new StringSerializer(), new ByteArraySerializer()));
		}
		return publisher;
	}

	/**
	 * Waits until billing's consumer group has committed past {@code record}: it and
	 * every earlier record of its partition (so every earlier event of the same order)
	 * have been handled.
	 */
	static void awaitHandled(RecordMetadata record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
			eventually().until(() -> {
				OffsetAndMetadata committed = admin.listConsumerGroupOffsets("billing-service")
					.partitionsToOffsetAndMetadata()
					.get()
					.get(partition);
				return committed != null && committed.offset() > record.offset();
			});
		}
	}

	record Reseller(String resellerId, String apiKey) {
	}

	record NewReseller(String resellerId, String apiKey, String name, String currency) {
	}

	record TopUpReceipt(String id, Money amount, String reference, Money balanceAfter, List<String> released) {
	}

	record TopUpView(String id, String status, Money amount, String reference, String paymentUrl, Instant createdAt,
			Instant paidAt) {
	}

	record AccountView(String resellerId, Money balance, Waiting waitingForPayment, Money lowCreditThreshold) {
	}

	record Waiting(int count, Money amount) {
	}

	record LedgerPage(List<LedgerLine> content, int page, int size, long totalElements) {
	}

	record LedgerLine(String id, Instant at, String type, Money amount, String orderId, Money balanceAfter) {
	}

	record WaitingLine(String orderId, Money amount, Instant placedAt, String status) {
	}

}
