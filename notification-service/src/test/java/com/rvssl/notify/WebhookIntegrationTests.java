package com.rvssl.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks against a real broker and MongoDB wire server, posted to a real HTTP receiver
 * (reactor-netty on a free port) that each test makes answer 200, 500, a redirect, or
 * nothing at all. A webhook gets five attempts here, 0.3 s doubling to at most 1 s apart,
 * and 2 s per post. The receiver is plain http on loopback, which the settings allow as
 * the local stack's do ({@code allow-http}, {@code allowed-networks} of loopback only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.notify.webhook.allow-http=true",
				"rvssl.notify.webhook.allowed-networks=127.0.0.0/8,::1/128", "rvssl.notify.webhook.backoff=PT0.3S",
				"rvssl.notify.webhook.max-backoff=PT1S", "rvssl.notify.webhook.max-attempts=5",
				"rvssl.notify.webhook.timeout=PT2S", "rvssl.notify.retry.sweep-interval=PT0.1S",
				"rvssl.notify.retry.send-lease=PT10S", "spring.mail.port=1",
				"spring.kafka.consumer.group-id=notification-webhook-it" })
@AutoConfigureWebTestClient
class WebhookIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR_KEY = "operator-key-for-webhook-tests";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What the receiver does per path: answer 200, 500, a redirect, or hang. */
	private static final Map<String, Behaviour> BEHAVIOUR = new ConcurrentHashMap<>();

	private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	private static final DisposableServer RECEIVER = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request, response) -> request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap(body -> {
				Behaviour behaviour = BEHAVIOUR.getOrDefault(request.uri(), Behaviour.ACCEPT);
				RECEIVED.add(new Received(request.uri(), request.requestHeaders().get("X-Rvssl-Delivery"),
						request.requestHeaders().get("X-Rvssl-Timestamp"),
						request.requestHeaders().get("X-Rvssl-Signature"), body, behaviour == Behaviour.ACCEPT));
				return switch (behaviour) {
					case ACCEPT -> response.status(200).send().then();
					case FAIL -> response.status(500).send().then();
					case REDIRECT -> response.status(302)
						.header("Location",
								"http://127.0.0.1:" + WebhookIntegrationTests.RECEIVER.port() + request.uri()
										+ "/redirected")
						.send()
						.then();
					case HANG -> Mono.<Void>never();
				};
			}))
		.bindNow();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "notification-webhooks");
		registry.add("rvssl.security.operator-key-hash", () -> ApiKeys.hash(OPERATOR_KEY));
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.disposeNow();
	}

	@Test
	void aRefusedCancellationReachesTheResellersWebhookWithTheCasReason() {
		Reseller acme = registerWithWebhook("refused");
		String orderId = newId("order");

		send(EventEnvelope.of(orderId, acme.id(), "corr", OrderCancelled.requested("customer asked")));
		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CancellationRefused("The certificate is issued already", "DC-1")));

		await().atMost(PATIENCE).until(() -> receivedAt(acme).size() == 2);
		JsonNode refusal = receivedAt(acme).stream()
			.map(webhook -> JSON.readTree(webhook.body()))
			.filter(body -> body.get("event").asString().equals("CancellationRefused"))
			.findFirst()
			.orElseThrow();
		assertThat(refusal.get("payload").get("reason").asString()).isEqualTo("The certificate is issued already");
	}

	@Test
	void signsEveryWebhookSoTheReceiverCanVerifyItWithTheSecret() {
		Reseller acme = registerWithWebhook("acme");
		String orderId = newId("order");

		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new PaymentCaptured(Money.of(1299, "USD"), Money.of(1, "USD"))));
		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new RefundIssued(Money.of(1299, "USD"), Money.of(1300, "USD"))));

		await().atMost(PATIENCE).until(() -> receivedAt(acme).size() == 2);
		for (Received webhook : receivedAt(acme)) {
			assertThat(webhook.signature()).isEqualTo(hmac(acme.secret(), webhook.timestamp() + "." + webhook.body()));
			assertThat(Long.parseLong(webhook.timestamp())).isCloseTo(System.currentTimeMillis() / 1000,
					org.assertj.core.data.Offset.offset(60L));
			JsonNode body = JSON.readTree(webhook.body());
			assertThat(body.get("deliveryId").asString()).isEqualTo(webhook.deliveryId());
			assertThat(body.get("orderId").asString()).isEqualTo(orderId);
			assertThat(body.get("resellerId").asString()).isEqualTo(acme.id());
			assertThat(body.get("occurredAt").asString()).isNotBlank();
			assertThat(body.get("payload").get("amount").get("amount").asLong()).isEqualTo(1299);
			// a signature over another secret does not verify
			assertThat(webhook.signature())
				.isNotEqualTo(hmac("someone-elses-secret", webhook.timestamp() + "." + webhook.body()));
		}
		assertThat(receivedAt(acme)).extracting(webhook -> JSON.readTree(webhook.body()).get("event").asString())
			.containsExactlyInAnyOrder("PaymentCaptured", "RefundIssued");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(webhookDeliveries(acme.key(), orderId)).hasSize(2).allSatisfy(delivery -> {
				assertThat(delivery.status()).isEqualTo("SENT");
				assertThat(delivery.recipient()).isEqualTo(acme.url());
			}));
	}

	@Test
	void postsARenewalReminderToTheResellersWhmcsSigned() {
		Reseller acme = registerWithWebhook("acme");
		String orderId = newId("order");
		Instant notAfter = Instant.parse("2027-01-01T00:00:00Z");

		send(EventEnvelope.of(orderId, acme.id(), "corr", new RenewalDue(30, notAfter, "renew.example.com")));

		await().atMost(PATIENCE).until(() -> receivedAt(acme).size() == 1);
		Received webhook = receivedAt(acme).get(0);
		assertThat(webhook.signature()).isEqualTo(hmac(acme.secret(), webhook.timestamp() + "." + webhook.body()));
		JsonNode body = JSON.readTree(webhook.body());
		assertThat(body.get("event").asString()).isEqualTo("RenewalDue");
		assertThat(body.get("orderId").asString()).isEqualTo(orderId);
		assertThat(body.get("payload").get("daysLeft").asInt()).isEqualTo(30);
		assertThat(body.get("payload").get("commonName").asString()).isEqualTo("renew.example.com");
	}

	/**
	 * A renewal within the plan reaches WHMCS as the automatic ReissueRequested, then the
	 * renewed certificate as CertificateIssued with the new serial and expiry, the way
	 * the first one came, so WHMCS updates the service in place.
	 */
	@Test
	void postsTheAutomaticReissueAndTheRenewedCertificateToTheResellersWhmcs() {
		Reseller acme = registerWithWebhook("acme");
		String orderId = newId("order");
		Instant notAfter = Instant.parse("2027-11-25T10:00:00Z");

		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new ReissueRequested("-----BEGIN CERTIFICATE REQUEST-----", true)));
		send(EventEnvelope.of(orderId, acme.id(), "corr", new CertificateIssued("ca-1", "7e:57",
				Instant.parse("2027-06-01T10:00:00Z"), notAfter, "CN=CA", "-----BEGIN CERTIFICATE-----\n")));

		await().atMost(PATIENCE).until(() -> receivedAt(acme).size() == 2);
		List<JsonNode> bodies = receivedAt(acme).stream().map(webhook -> JSON.readTree(webhook.body())).toList();
		assertThat(bodies).extracting(body -> body.get("event").asString())
			.containsExactlyInAnyOrder("ReissueRequested", "CertificateIssued");
		JsonNode reissue = bodies.stream()
			.filter(body -> body.get("event").asString().equals("ReissueRequested"))
			.findFirst()
			.orElseThrow();
		assertThat(reissue.get("payload").get("automatic").asBoolean()).isTrue();
		JsonNode renewed = bodies.stream()
			.filter(body -> body.get("event").asString().equals("CertificateIssued"))
			.findFirst()
			.orElseThrow();
		assertThat(renewed.get("payload").get("serialNumber").asString()).isEqualTo("7e:57");
		assertThat(renewed.get("payload").get("notAfter").asString()).isEqualTo(notAfter.toString());
	}

	/**
	 * A certificate about to expire unrenewed reaches WHMCS signed like the other order
	 * events, so it reads the order back and shows why its renewal is at risk.
	 */
	@Test
	void postsACertificateExpiringUnrenewedToTheResellersWhmcsSigned() {
		Reseller acme = registerWithWebhook("acme");
		String orderId = newId("order");
		Instant notAfter = Instant.parse("2027-05-03T10:00:00Z");

		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CertificateExpiringUnrenewed("7e:57", notAfter, Instant.parse("2027-11-25T10:00:00Z"), true)));

		await().atMost(PATIENCE).until(() -> receivedAt(acme).size() == 1);
		Received webhook = receivedAt(acme).get(0);
		assertThat(webhook.signature()).isEqualTo(hmac(acme.secret(), webhook.timestamp() + "." + webhook.body()));
		JsonNode body = JSON.readTree(webhook.body());
		assertThat(body.get("event").asString()).isEqualTo("CertificateExpiringUnrenewed");
		assertThat(body.get("orderId").asString()).isEqualTo(orderId);
		assertThat(body.get("payload").get("serialNumber").asString()).isEqualTo("7e:57");
		assertThat(body.get("payload").get("notAfter").asString()).isEqualTo(notAfter.toString());
		assertThat(body.get("payload").get("reissueUnderway").asBoolean()).isTrue();
	}

	@Test
	void aReceiverThatFailsForAWhileGetsEveryWebhookOnceItRecovers() {
		Reseller acme = registerWithWebhook("flaky");
		BEHAVIOUR.put(acme.path(), Behaviour.FAIL);
		List<String> orders = List.of(newId("order"), newId("order"), newId("order"), newId("order"));
		orders.forEach(orderId -> send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CreditInsufficient(Money.of(1299, "USD"), Money.of(0, "USD")))));

		// every webhook was refused at least twice before the receiver comes back
		await().atMost(PATIENCE)
			.until(() -> orders.stream()
				.allMatch(orderId -> webhookDeliveries(acme.key(), orderId).stream()
					.anyMatch(delivery -> delivery.status().equals("RETRYING") && delivery.attempts() >= 2)));
		BEHAVIOUR.put(acme.path(), Behaviour.ACCEPT);

		await().atMost(PATIENCE)
			.until(() -> orders.stream()
				.allMatch(orderId -> webhookDeliveries(acme.key(), orderId).stream()
					.anyMatch(delivery -> delivery.status().equals("SENT"))));
		List<Received> accepted = receivedAt(acme).stream().filter(Received::accepted).toList();
		assertThat(accepted).hasSize(orders.size());
		assertThat(accepted).extracting(Received::deliveryId).doesNotHaveDuplicates();
		assertThat(accepted).extracting(webhook -> JSON.readTree(webhook.body()).get("orderId").asString())
			.containsExactlyInAnyOrderElementsOf(orders);
		// the refused attempts carried the same delivery id as the accepted one:
		// droppable duplicates
		Set<String> acceptedIds = Set.copyOf(accepted.stream().map(Received::deliveryId).toList());
		assertThat(receivedAt(acme).stream().filter(webhook -> !webhook.accepted()).map(Received::deliveryId))
			.isNotEmpty()
			.allMatch(acceptedIds::contains);
	}

	@Test
	void aWebhookThatKeepsFailingIsDeadUntilTheOperatorReplaysIt() {
		Reseller acme = registerWithWebhook("dead");
		BEHAVIOUR.put(acme.path(), Behaviour.FAIL);
		String orderId = newId("order");
		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new PaymentCaptured(Money.of(1299, "USD"), Money.of(1, "USD"))));

		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(webhookDeliveries(OPERATOR_KEY, orderId)).singleElement().satisfies(delivery -> {
						assertThat(delivery.status()).isEqualTo("DEAD");
						assertThat(delivery.attempts()).isEqualTo(5);
					}));
		BEHAVIOUR.put(acme.path(), Behaviour.ACCEPT);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(2))
			.until(() -> receivedAt(acme).stream().noneMatch(Received::accepted));
		assertThat(receivedAt(acme)).hasSize(5);

		String deliveryId = webhookDeliveries(OPERATOR_KEY, orderId).get(0).id();
		http.post()
			.uri("/api/v1/admin/deliveries/{id}/replay", deliveryId)
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SENT");
		assertThat(receivedAt(acme).stream().filter(Received::accepted).map(Received::deliveryId))
			.containsExactly(deliveryId);
	}

	@Test
	void aHangingReceiverDoesNotHoldBackAnotherResellersWebhooks() {
		Reseller stuck = registerWithWebhook("stuck");
		Reseller fine = registerWithWebhook("fine");
		BEHAVIOUR.put(stuck.path(), Behaviour.HANG);
		String stuckOrder = newId("order");
		String fineOrder = newId("order");

		send(EventEnvelope.of(stuckOrder, stuck.id(), "corr",
				new PaymentCaptured(Money.of(1, "USD"), Money.of(1, "USD"))));
		await().atMost(PATIENCE).until(() -> receivedAt(stuck).size() == 1);
		send(EventEnvelope.of(fineOrder, fine.id(), "corr",
				new PaymentCaptured(Money.of(1, "USD"), Money.of(1, "USD"))));

		await().atMost(PATIENCE).until(() -> receivedAt(fine).size() == 1);
		// the stuck post has not even timed out yet (2 s): nothing waited for it
		assertThat(webhookDeliveries(OPERATOR_KEY, stuckOrder)).singleElement()
			.satisfies(delivery -> assertThat(delivery.attempts()).isZero());
		BEHAVIOUR.put(stuck.path(), Behaviour.ACCEPT);
		await().atMost(PATIENCE)
			.until(() -> webhookDeliveries(OPERATOR_KEY, stuckOrder).get(0).status().equals("SENT"));
	}

	@Test
	void showsTheWebhookWithoutItsSecretAndForgetsItWhenRemoved() {
		Reseller acme = registerWithWebhook("shown");
		http.get()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + acme.key())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.url")
			.isEqualTo(acme.url())
			.jsonPath("$.secretSet")
			.isEqualTo(true)
			.jsonPath("$.secret")
			.doesNotExist();

		http.delete()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + acme.key())
			.exchange()
			.expectStatus()
			.isNoContent();
		http.get()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + acme.key())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		String orderId = newId("order");
		send(EventEnvelope.of(orderId, acme.id(), "corr", new PaymentCaptured(Money.of(1, "USD"), Money.of(1, "USD"))));
		// a later event of the same order and partition, to a reseller that still has a
		// webhook, shows the first was handled
		Reseller witness = registerWithWebhook("witness");
		send(EventEnvelope.of(orderId, witness.id(), "corr",
				new PaymentCaptured(Money.of(1, "USD"), Money.of(1, "USD"))));
		await().atMost(PATIENCE).until(() -> receivedAt(witness).size() == 1);
		assertThat(receivedAt(acme)).isEmpty();
	}

	@Test
	void refusesAWebhookThatIsNotHttpOrHasAShortSecretWithAProblem() {
		Reseller acme = register("invalid");
		http.put()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + acme.key())
			.bodyValue(Map.of("url", "ftp://whmcs.example.com/hook", "secret", "short"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("url")
			.jsonPath("$.errors[1].field")
			.isEqualTo("secret");
		http.put()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.bodyValue(Map.of("url", "https://whmcs.example.com/hook", "secret", "0123456789abcdef"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aRedirectIsNotFollowedAndCountsAsAFailedAttempt() {
		Reseller acme = registerWithWebhook("redirected");
		BEHAVIOUR.put(acme.path(), Behaviour.REDIRECT);
		String orderId = newId("order");

		send(EventEnvelope.of(orderId, acme.id(), "corr", new PaymentCaptured(Money.of(1, "USD"), Money.of(1, "USD"))));

		await().atMost(PATIENCE)
			.until(() -> webhookDeliveries(acme.key(), orderId).stream()
				.anyMatch(delivery -> delivery.status().equals("SENT") || delivery.attempts() >= 2));
		assertThat(webhookDeliveries(acme.key(), orderId)).singleElement()
			.satisfies(delivery -> assertThat(delivery.status()).isIn("RETRYING", "DEAD"));
		assertThat(receivedAt(acme)).hasSizeGreaterThanOrEqualTo(2);
		assertThat(RECEIVED).noneMatch(webhook -> webhook.path().equals(acme.path() + "/redirected"));
	}

	@Test
	void theLocalStackSettingsAllowLoopbackOnlyNotTheOtherNonPublicAddresses() {
		Reseller acme = register("local-settings");
		for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1:8082/internal",
				"http://192.168.0.1/hook", "http://[fe80::1]/hook", "http://0.0.0.0:8085/hook")) {
			http.put()
				.uri("/api/v1/webhook")
				.header("Authorization", "Bearer " + acme.key())
				.bodyValue(Map.of("url", url, "secret", acme.secret()))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("url");
		}
		http.get()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + acme.key())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private Reseller registerWithWebhook(String name) {
		Reseller reseller = register(name);
		http.put()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + reseller.key())
			.bodyValue(Map.of("url", reseller.url(), "secret", reseller.secret()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.url")
			.isEqualTo(reseller.url());
		return reseller;
	}

	/** Registers a reseller through its event and waits until its key is accepted. */
	private Reseller register(String name) {
		String id = newId(name);
		Reseller reseller = new Reseller(id, newId("key"), "/hook/" + id,
				"http://127.0.0.1:" + RECEIVER.port() + "/hook/" + id, "secret-" + UUID.randomUUID());
		announce(reseller.id(), name, reseller.key(), id + "@reseller.test");
		return reseller;
	}

	private List<DeliveryLine> webhookDeliveries(String key, String orderId) {
		return deliveryLog(key, orderId, "WEBHOOK");
	}

	private static List<Received> receivedAt(Reseller reseller) {
		return RECEIVED.stream().filter(webhook -> webhook.path().equals(reseller.path())).toList();
	}

	/** The receiver's own check, written from API.md and not with the service's code. */
	private static String hmac(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	enum Behaviour {

		ACCEPT, FAIL, REDIRECT, HANG

	}

	record Received(String path, String deliveryId, String timestamp, String signature, String body, boolean accepted) {
	}

	record Reseller(String id, String key, String path, String url, String secret) {
	}

}
