package com.rvssl.sandbox.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.rvssl.sandbox.SandboxCaTest;

/**
 * The sandbox payment provider: payments made with its key, once per idempotency key,
 * confirmed at once or on its page, and reported to a receiver of the test by callbacks
 * signed as billing checks them, sent again until the receiver answers 2xx.
 */
@SandboxCaTest
class PaymentProviderTests {

	private static final String KEY = "test-payments-key";

	private static final String SECRET = "test-payments-webhook-secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What the receiver got: the signature header and the body. */
	record Callback(String signature, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	private static final List<Callback> received = new CopyOnWriteArrayList<>();

	/** How many more times the receiver refuses callbacks of a reference. */
	private static final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

	private static final HttpServer receiver = receiver();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void payments(DynamicPropertyRegistry registry) {
		registry.add("sandbox.payments.api-key", () -> KEY);
		registry.add("sandbox.payments.webhook-secret", () -> SECRET);
		registry.add("sandbox.payments.callback-backoff", () -> "PT0.05S");
		registry.add("sandbox.payments.callback-url",
				() -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/payments/callback");
	}

	private static HttpServer receiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/payments/callback", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				received.add(new Callback(exchange.getRequestHeaders().getFirst("Rvssl-Payment-Signature"), body));
				String reference = JSON.readTree(body).get("reference").asString();
				AtomicInteger refuse = refusals.get(reference);
				exchange.sendResponseHeaders((refuse != null && refuse.getAndDecrement() > 0) ? 503 : 200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterEach
	void autoConfirmBackOn() {
		setAutoConfirm(true);
	}

	@Test
	void aPaymentNeedsTheProvidersKey() {
		this.client.post()
			.uri("/sandbox/payments")
			.header("Idempotency-Key", "no-key")
			.bodyValue(request("no-key", 100))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.post()
			.uri("/sandbox/payments")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-" + KEY)
			.header("Idempotency-Key", "wrong-key")
			.bodyValue(request("wrong-key", 100))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void withAutoConfirmAPaymentIsConfirmedAtOnceByASignedCallbackAndTheSameKeyIsTheSamePayment() {
		String reference = "tu_" + UUID.randomUUID();

		JsonNode first = make(reference, 2_500).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		JsonNode again = make(reference, 2_500).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(first.get("url").asString()).endsWith("/sandbox/checkout/" + first.get("id").asString());
		Callback callback = await().atMost(Duration.ofSeconds(30)).until(() -> callbackOf(reference), (c) -> c != null);
		assertThat(callback.json().get("type").asString()).isEqualTo("payment.succeeded");
		assertThat(callback.json().get("paymentId").asString()).isEqualTo(first.get("id").asString());
		assertThat(callback.json().get("amount").get("amount").asLong()).isEqualTo(2_500);
		assertSignedWithTheSecret(callback);
		assertThat(received.stream().filter((c) -> c.json().get("reference").asString().equals(reference)))
			.as("one payment, one callback")
			.hasSize(1);
	}

	@Test
	void withoutAutoConfirmThePaymentPageEitherPaysOrFailsItOnce() {
		setAutoConfirm(false);
		String paid = "tu_" + UUID.randomUUID();
		String failed = "tu_" + UUID.randomUUID();
		String paidId = make(paid, 1_000).expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		String failedId = make(failed, 1_000).expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();

		this.client.get()
			.uri("/sandbox/checkout/{id}", paidId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("Pay 10.00 USD")
				.contains("/sandbox/checkout/" + paidId + "/pay")
				.contains("/fail"));
		assertThat(callbackOf(paid)).as("nothing confirmed before the page is used").isNull();
		this.client.post().uri("/sandbox/checkout/{id}/pay", paidId).exchange().expectStatus().isOk();
		this.client.post().uri("/sandbox/checkout/{id}/fail", failedId).exchange().expectStatus().isOk();
		this.client.post().uri("/sandbox/checkout/{id}/pay", failedId).exchange().expectStatus().isEqualTo(409);

		assertThat(await().atMost(Duration.ofSeconds(30))
			.until(() -> callbackOf(paid), (c) -> c != null)
			.json()
			.get("type")
			.asString()).isEqualTo("payment.succeeded");
		assertThat(await().atMost(Duration.ofSeconds(30))
			.until(() -> callbackOf(failed), (c) -> c != null)
			.json()
			.get("type")
			.asString()).isEqualTo("payment.failed");
	}

	@Test
	void aCallbackTheReceiverRefusesIsSentAgainWithBackoffUntilItIsTaken() {
		String reference = "tu_" + UUID.randomUUID();
		refusals.put(reference, new AtomicInteger(2));

		make(reference, 700).expectStatus().isCreated();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> received.stream()
				.filter((c) -> c.json().get("reference").asString().equals(reference))
				.count() == 3);
		assertThat(refusals.get(reference).get()).isNegative();
	}

	@Test
	void anExpiredPaymentCannotBePaid() {
		setAutoConfirm(false);
		String reference = "tu_" + UUID.randomUUID();
		Map<String, Object> body = Map.of("amount", Map.of("amount", 500, "currency", "USD"), "reference", reference,
				"expiresAt", Instant.now().minusSeconds(1).toString());
		String id = this.client.post()
			.uri("/sandbox/payments")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
			.header("Idempotency-Key", reference)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();

		this.client.get().uri("/sandbox/checkout/{id}", id).exchange().expectStatus().isEqualTo(410);
		this.client.post().uri("/sandbox/checkout/{id}/pay", id).exchange().expectStatus().isEqualTo(409);
		assertThat(callbackOf(reference)).isNull();
	}

	private WebTestClient.ResponseSpec make(String reference, long amount) {
		return this.client.post()
			.uri("/sandbox/payments")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY)
			.header("Idempotency-Key", reference)
			.bodyValue(request(reference, amount))
			.exchange();
	}

	private static Map<String, Object> request(String reference, long amount) {
		return Map.of("amount", Map.of("amount", amount, "currency", "USD"), "reference", reference, "description",
				"Top-up");
	}

	private void setAutoConfirm(boolean enabled) {
		this.client.put()
			.uri("/sandbox/payments/auto-confirm")
			.bodyValue(Map.of("enabled", enabled))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(enabled);
	}

	private static Callback callbackOf(String reference) {
		return received.stream()
			.filter((c) -> c.json().get("reference").asString().equals(reference))
			.findFirst()
			.orElse(null);
	}

	/** Checked here with the JDK, not with the sandbox's own signing code. */
	private static void assertSignedWithTheSecret(Callback callback) {
		String[] parts = callback.signature().split(",");
		assertThat(parts[0]).startsWith("t=");
		assertThat(parts[1]).startsWith("v1=");
		long signedAt = Long.parseLong(parts[0].substring(2));
		assertThat(Math.abs(Instant.now().getEpochSecond() - signedAt)).isLessThan(60);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = HexFormat.of()
				.formatHex(mac.doFinal((signedAt + "." + callback.body()).getBytes(StandardCharsets.UTF_8)));
			assertThat(parts[1].substring(3)).isEqualTo(expected);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
