package com.rvssl.localstack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.EventJson;
import com.rvssl.contracts.Topics;
import com.rvssl.kit.test.RequiredTools;
import com.rvssl.kit.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as it runs on a developer's machine: one real Kafka broker, one
 * MongoDB wire server, the SMTP catcher, the sandbox CA and the five services, each
 * service in a JVM of its own, driven only through their public HTTP APIs (and, for
 * redelivery, the broker itself).
 */
@ExtendWith(RunningPlatform.class)
class PlatformEndToEndIT {

	private static final Duration ISSUANCE = Duration.ofSeconds(120);

	private static LocalStack stack;

	private static final PlatformClient http = new PlatformClient();

	@BeforeAll
	static void useThePlatform() {
		stack = RunningPlatform.stack();
	}

	@Test
	void anOrderPaidFromCreditIsIssuedWithACertificateForItsCsrThatChainsToTheSandboxRoot() throws Exception {
		String domain = uniqueDomain();
		KeyPair key = TestCertificates.rsa2048();

		String orderId = placeOrder(resellerKey(), domain, TestCertificates.csr(key, domain),
				"ann-" + domain + "@customer.example");
		JsonNode order = awaitState(resellerKey(), orderId, "ISSUED");

		assertThat(order.at("/views/provider/status").asString()).isEqualTo("Complete");
		assertThat(order.at("/certificate/serialNumber").asString()).isNotBlank();
		List<X509Certificate> chain = certificates(
				http.getText(stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId + "/certificate?format=pem",
						resellerKey()));
		assertThat(chain).hasSizeGreaterThanOrEqualTo(2);
		assertThat(chain.get(0).getPublicKey()).isEqualTo(key.getPublic());
		assertThat(chain.get(0).getSubjectAlternativeNames()).extracting(san -> String.valueOf(san.get(1)))
			.contains(domain);
		assertChainsToSandboxRoot(chain);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mailTo("ann-" + domain + "@customer.example")).hasSize(1));
	}

	@Test
	void aReissueWithANewCsrReplacesTheIssuedCertificateWithOneOverTheNewKey() throws Exception {
		String domain = uniqueDomain();
		String orderId = placeOrder(resellerKey(), domain, "ri@customer.example");
		String firstSerial = awaitState(resellerKey(), orderId, "ISSUED").at("/certificate/serialNumber").asString();
		// a key of its own: the order was placed with the run's shared one
		KeyPair newKey = TestCertificates.rsa(2048);

		PlatformClient.Reply reissue = http.post(
				stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId + "/reissue", resellerKey(),
				Map.of("csr", TestCertificates.csr(newKey, domain)), Map.of());
		assertThat(reissue.status()).as("reissue: %s", reissue.body()).isEqualTo(202);

		JsonNode reissued = await().atMost(ISSUANCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> order(resellerKey(), orderId),
					order -> !firstSerial.equals(order.at("/certificate/serialNumber").asString()));
		assertThat(reissued.get("state").asString()).isEqualTo("ISSUED");
		List<X509Certificate> chain = certificates(
				http.getText(stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId + "/certificate?format=pem",
						resellerKey()));
		assertThat(chain.get(0).getPublicKey()).isEqualTo(newKey.getPublic());
		assertChainsToSandboxRoot(chain);
		assertThat(chargesOf(orderId)).isEqualTo(1);
	}

	@Test
	void anOrderBeyondTheCreditWaitsForPaymentWithTheExactViewsUntilAPaidTopUpReleasesIt() {
		PlatformClient.Reply created = http.post(stack.url(PlatformService.BILLING) + "/api/v1/admin/resellers",
				stack.credentials().operatorKey(),
				Map.of("name", "Broke Hosting " + UUID.randomUUID(), "currency", "USD"), Map.of());
		assertThat(created.status()).isEqualTo(201);
		String key = created.body().get("apiKey").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders", key).status() == 200);
		String domain = uniqueDomain();

		String orderId = placeOrder(key, domain, "bo@customer.example");
		JsonNode waiting = awaitState(key, orderId, "WAITING_FOR_PAYMENT");

		assertThat(waiting.at("/views/client/status").asString()).isEqualTo("Waiting Submit Order");
		assertThat(waiting.at("/views/admin/status").asString()).isEqualTo("Waiting for Payment on RVglobalsoft.com");
		assertThat(waiting.at("/views/provider/status").asString()).isEqualTo("Waiting for Payment");
		JsonNode queue = http.get(stack.url(PlatformService.BILLING) + "/api/v1/account/waiting-orders", key).body();
		assertThat(queue).hasSize(1);
		assertThat(queue.get(0).get("orderId").asString()).isEqualTo(orderId);
		assertThat(queue.get(0).get("status").asString()).isEqualTo("Waiting for Payment");

		long price = waiting.at("/price/wholesale/amount").asLong();
		PlatformClient.Reply topUp = http.post(stack.url(PlatformService.BILLING) + "/api/v1/account/top-ups", key,
				Map.of("amount", Map.of("amount", price, "currency", "USD"), "reference", "card 1"),
				Map.of("Idempotency-Key", "top-up-" + orderId));
		assertThat(topUp.status()).isEqualTo(201);
		// PAID only if the sandbox's confirmation overtook billing's answer
		assertThat(topUp.body().get("status").asString()).isIn("PENDING_PAYMENT", "PAID");
		assertThat(topUp.body().get("paymentUrl").asString()).startsWith(stack.sandboxUrl() + "/sandbox/checkout/");

		// the sandbox provider confirms the payment by itself (auto-confirm), and its
		// signed callback is what credits the account and releases the order
		String topUpUrl = stack.url(PlatformService.BILLING) + "/api/v1/account/top-ups/"
				+ topUp.body().get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get(topUpUrl, key).body().get("status").asString(), "PAID"::equals);
		awaitState(key, orderId, "ISSUED");
		JsonNode account = http.get(stack.url(PlatformService.BILLING) + "/api/v1/account", key).body();
		assertThat(account.at("/balance/amount").asLong()).isZero();
		assertThat(account.at("/waitingForPayment/count").asInt()).isZero();
	}

	@Test
	void redeliveringEveryEventOfAnIssuedOrderChargesNothingTwiceAndSubmitsNothingTwice() throws Exception {
		String domain = uniqueDomain();
		String customer = "cy-" + domain + "@customer.example";
		String orderId = placeOrder(resellerKey(), domain, customer);
		int timelineBefore = awaitState(resellerKey(), orderId, "ISSUED").get("timeline").size();
		List<ConsumerRecord<String, byte[]>> history = eventsOf(orderId);
		assertThat(history).extracting(r -> EventJson.read(r.value()).type())
			.contains("OrderPlaced", "PaymentCaptured", "CertificateSubmitted", "CertificateIssued");

		redeliver(history);
		awaitEveryServiceConsumed(new TopicPartition(history.get(0).topic(), history.get(0).partition()));

		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(chargesOf(orderId)).isEqualTo(1);
			assertThat(sandboxOrdersFor(orderId)).isEqualTo(1);
		});
		JsonNode order = order(resellerKey(), orderId);
		assertThat(order.get("state").asString()).isEqualTo("ISSUED");
		assertThat(order.get("timeline").size()).isEqualTo(timelineBefore);
		assertThat(mailTo(customer)).hasSize(1);
		assertLedgerSumsToBalance(resellerKey());
	}

	@Test
	void aRealPrometheusScrapesEveryServiceAndSeesTheBusinessSeriesOfAnOrder() throws Exception {
		RequiredTools.assumeInstalled(PrometheusServer.installed(),
				"Prometheus is not installed here (.ci/run installs it)");
		Map<String, String> targets = new java.util.LinkedHashMap<>();
		for (PlatformService service : PlatformService.values()) {
			targets.put(service.module(), stack.url(service).replace("http://", ""));
		}
		targets.put("sandbox-ca", stack.sandboxUrl().replace("http://", ""));

		try (PrometheusServer prometheus = PrometheusServer.scraping(targets,
				Path.of("target", "prometheus-" + System.currentTimeMillis()).toAbsolutePath())) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(prometheus.value("count(up == 1)")).isEqualTo(targets.size()));

			// a reseller of its own without credit: its order waits for payment, then a
			// top-up releases it
			PlatformClient.Reply created = http.post(stack.url(PlatformService.BILLING) + "/api/v1/admin/resellers",
					stack.credentials().operatorKey(),
					Map.of("name", "Metered Hosting " + UUID.randomUUID(), "currency", "USD"), Map.of());
			assertThat(created.status()).isEqualTo(201);
			String key = created.body().get("apiKey").asString();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders", key).status() == 200);
			String resellerId = created.body().get("resellerId").asString();
			String reseller = "resellerId=\"" + resellerId + "\"";
			String domain = uniqueDomain();
			String orderId = placeOrder(key, domain, "pm@customer.example");
			JsonNode waiting = awaitState(key, orderId, "WAITING_FOR_PAYMENT");
			long wholesale = waiting.at("/price/wholesale/amount").asLong();
			long retail = waiting.at("/price/retail/amount").asLong();

			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertThat(prometheus.value("billing_waiting_orders{" + reseller + "}")).isEqualTo(1);
				assertThat(prometheus.value("billing_waiting_amount{" + reseller + "}")).isEqualTo(wholesale);
				assertThat(
						prometheus.value("max(rvssl_orders_by_state{" + reseller + ",state=\"WAITING_FOR_PAYMENT\"})"))
					.isEqualTo(1);
			});

			// a record no service can read: every consumer group dead-letters it once
			try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
					new StringSerializer(), new ByteArraySerializer())) {
				producer
					.send(new ProducerRecord<>(Topics.ORDERS, "poison-" + UUID.randomUUID(),
							"{not an event".getBytes(StandardCharsets.UTF_8)))
					.get(10, TimeUnit.SECONDS);
			}
			// a payment, confirmed by the sandbox provider's signed callback
			PlatformClient.Reply topUp = http.post(stack.url(PlatformService.BILLING) + "/api/v1/account/top-ups", key,
					Map.of("amount", Map.of("amount", wholesale, "currency", "USD"), "reference", "card 1"),
					Map.of("Idempotency-Key", "top-up-" + orderId));
			assertThat(topUp.status()).isEqualTo(201);
			awaitState(key, orderId, "ISSUED");

			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertThat(prometheus.value("sum(rvssl_orders_placed_total)")).isGreaterThanOrEqualTo(1);
				assertThat(prometheus.value("billing_account_balance{" + reseller + "}")).isZero();
				assertThat(prometheus.value("billing_waiting_orders{" + reseller + "}")).isZero();
				assertThat(prometheus.value("sum(billing_charges_total)")).isGreaterThanOrEqualTo(1);
				assertThat(prometheus.value("sum(rvssl_ca_calls_seconds_count{ca=\"digicert\"})"))
					.isGreaterThanOrEqualTo(1);
				assertThat(prometheus.value("sum(rvssl_ca_calls_seconds_bucket{ca=\"digicert\",le=\"+Inf\"})"))
					.isEqualTo(prometheus.value("sum(rvssl_ca_calls_seconds_count{ca=\"digicert\"})"));
				assertThat(prometheus.query("resilience4j_circuitbreaker_state{state=\"closed\"} == 1")).isNotEmpty();
				// the gateway's queue per CA is exported even when empty, so the
				// dashboard shows a zero
				assertThat(prometheus.query("rvssl_gateway_orders_waiting{ca=\"digicert\"}")).hasSize(1);
				assertThat(prometheus.value("sum(rvssl_sync_checks_total)")).isGreaterThanOrEqualTo(1);
				assertThat(prometheus.value("sum(rvssl_notify_attempts_total)")).isGreaterThanOrEqualTo(1);
				// the business series of this reseller's one order
				assertThat(prometheus
					.value("rvssl_orders_revenue_total{" + reseller + ",currency=\"USD\",price=\"wholesale\"}"))
					.isEqualTo(wholesale / 100.0);
				assertThat(prometheus
					.value("rvssl_orders_revenue_total{" + reseller + ",currency=\"USD\",price=\"retail\"}"))
					.isEqualTo(retail / 100.0);
				// finished orders are counted as they finish; the gauge holds orders in
				// flight
				assertThat(prometheus.value("sum(rvssl_orders_finished_total{" + reseller + ",state=\"ISSUED\"})"))
					.isEqualTo(1);
				assertThat(prometheus.query("rvssl_orders_by_state{" + reseller + "}")).isEmpty();
				assertThat(prometheus.value("sum(rvssl_orders_time_to_issue_seconds_count{" + reseller + "})"))
					.isEqualTo(1);
				assertThat(prometheus
					.value("sum(rvssl_orders_time_to_issue_seconds_bucket{" + reseller + ",le=\"+Inf\"})"))
					.isEqualTo(1);
				// the poison record, dead-lettered by each of the five services
				assertThat(prometheus.query("rvssl_kafka_dead_letters_total{topic=\"rvssl.orders-dlt\"} >= 1"))
					.extracting(sample -> sample.at("/metric/job").asString())
					.containsExactlyInAnyOrder("order-service", "billing-service", "ca-gateway-service",
							"status-sync-service", "notification-service");
				// consumer lag per service and topic, from the listener containers'
				// consumers
				assertThat(prometheus
					.query("max by (job) (kafka_consumer_fetch_manager_records_lag_max{topic=\"rvssl.orders\"})"))
					.hasSize(5);
			});
			// what the dashboards and alerts may use (ops/check.sh checks them against
			// this list)
			java.nio.file.Files.write(Path.of("target", "exported-metrics-scraped.txt"), prometheus.metricNames());
		}
	}

	@Test
	void everyServiceIsReadyWithItsKafkaAndMongoChecksAndLiveWithoutThem() {
		for (PlatformService service : PlatformService.values()) {
			JsonNode readiness = http.get(stack.url(service) + "/actuator/health/readiness", null).body();
			assertThat(readiness.get("status").asString()).as(service.module()).isEqualTo("UP");
			assertThat(readiness.at("/components/kafka/status").asString()).as(service.module()).isEqualTo("UP");
			assertThat(readiness.path("components").propertyNames()).as(service.module())
				.anyMatch(name -> name.startsWith("mongo"));
			JsonNode liveness = http.get(stack.url(service) + "/actuator/health/liveness", null).body();
			assertThat(liveness.path("components").propertyNames()).as(service.module())
				.containsExactly("livenessState");
		}
	}

	// --- the steps a WHMCS addon and a reseller take

	private static String placeOrder(String key, String domain, String customerEmail) {
		return placeOrder(key, domain, TestCertificates.csr(TestCertificates.rsa2048(), domain), customerEmail);
	}

	private static String placeOrder(String key, String domain, String csr, String customerEmail) {
		Map<String, Object> body = Map.of("productCode", "rapidssl-dv", "termMonths", 12, "domains", List.of(domain),
				"whmcsServiceId", "whmcs-" + domain, "customer", Map.of("name", "Ann Lee", "email", customerEmail),
				"csr", csr, "dcv", Map.of("method", "EMAIL", "approverEmail", "admin@" + domain));
		PlatformClient.Reply reply = http.post(stack.url(PlatformService.ORDER) + "/api/v1/orders", key, body,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(reply.status()).as("create order: %s", reply.body()).isEqualTo(201);
		return reply.body().get("id").asString();
	}

	private static JsonNode awaitState(String key, String orderId, String state) {
		return await().atMost(ISSUANCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> order(key, orderId), order -> state.equals(order.get("state").asString()));
	}

	private static JsonNode order(String key, String orderId) {
		PlatformClient.Reply reply = http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId, key);
		assertThat(reply.status()).isEqualTo(200);
		return reply.body();
	}

	private static long chargesOf(String orderId) {
		JsonNode ledger = http
			.get(stack.url(PlatformService.BILLING) + "/api/v1/account/ledger?size=200", resellerKey())
			.body();
		long charges = 0;
		for (JsonNode entry : ledger.get("content")) {
			if ("CHARGE".equals(entry.get("type").asString()) && orderId.equals(entry.path("orderId").asString())) {
				charges++;
			}
		}
		return charges;
	}

	private static void assertLedgerSumsToBalance(String key) {
		JsonNode ledger = http.get(stack.url(PlatformService.BILLING) + "/api/v1/account/ledger?size=200", key).body();
		long sum = 0;
		for (JsonNode entry : ledger.get("content")) {
			long amount = entry.at("/amount/amount").asLong();
			sum += "CHARGE".equals(entry.get("type").asString()) ? -Math.abs(amount) : Math.abs(amount);
		}
		long balance = http.get(stack.url(PlatformService.BILLING) + "/api/v1/account", key)
			.body()
			.at("/balance/amount")
			.asLong();
		assertThat(sum).isEqualTo(balance);
	}

	private static int sandboxOrdersFor(String orderId) {
		return http.get(stack.sandboxUrl() + "/sandbox/orders?reference=" + orderId, null).body().size();
	}

	private static List<MimeMessage> mailTo(String recipient) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : stack.receivedMail()) {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			if (to != null && List.of(to).stream().anyMatch(a -> a.toString().contains(recipient))
					&& message.getSubject().toLowerCase().contains("issued")) {
				found.add(message);
			}
		}
		return found;
	}

	// --- the broker: read an order's history and deliver it again

	private static List<ConsumerRecord<String, byte[]>> eventsOf(String orderId) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> history = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.ORDERS));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (orderId.equals(record.key())) {
						history.add(record);
					}
				}
				return history.stream().anyMatch(r -> EventJson.read(r.value()).type().equals("CertificateIssued"));
			});
		}
		return history;
	}

	private static void redeliver(List<ConsumerRecord<String, byte[]>> history) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (ConsumerRecord<String, byte[]> record : history) {
				producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()))
					.get(10, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * Waits until each service's consumer group has committed past the end of the
	 * partition.
	 */
	private static void awaitEveryServiceConsumed(TopicPartition partition) throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
			long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
				.partitionResult(partition)
				.get()
				.offset();
			Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
			Set<String> services = Set.of("order-service", "billing-service", "ca-gateway-service",
					"status-sync-service", "notification-service");
			assertThat(groups).extracting(ConsumerGroupListing::groupId).containsAll(services);
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (String group : services) {
					OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
						.partitionsToOffsetAndMetadata()
						.get()
						.get(partition);
					if (committed == null || committed.offset() < end) {
						return false;
					}
				}
				return true;
			});
		}
	}

	// --- certificates

	private static List<X509Certificate> certificates(String pem) throws Exception {
		CertificateFactory factory = CertificateFactory.getInstance("X.509");
		List<X509Certificate> chain = new ArrayList<>();
		for (Certificate certificate : factory
			.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
			chain.add((X509Certificate) certificate);
		}
		return chain;
	}

	private static void assertChainsToSandboxRoot(List<X509Certificate> chain) throws Exception {
		X509Certificate root = certificates(http.getText(stack.sandboxUrl() + "/sandbox/roots", null)).get(0);
		List<X509Certificate> path = chain.stream()
			.filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
			.toList();
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
		parameters.setRevocationEnabled(false);
		CertPathValidator.getInstance("PKIX")
			.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
	}

	private static String resellerKey() {
		return stack.credentials().resellerKey();
	}

	private static String uniqueDomain() {
		return "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
	}

}
