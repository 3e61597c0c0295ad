package com.rvssl.sandbox.push;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.body;
import static com.rvssl.sandbox.DigicertOrders.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.rvssl.sandbox.SandboxCaTest;

/**
 * Webhooks and Sectigo pushes reach a receiver of the test, and the test's controls hold
 * them back.
 */
@SandboxCaTest
class PushTests {

	/**
	 * What the receiver got: path and query, the webhook key header, the content type and
	 * the body.
	 */
	record Received(String uri, String key, String contentType, String body) {
	}

	@Autowired
	WebTestClient client;

	private HttpServer receiver;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private Long webhookId;

	@BeforeEach
	void receive() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/", (exchange) -> {
			Received push = new Received(exchange.getRequestURI().toString(),
					exchange.getRequestHeaders().getFirst("X-WEBHOOK-KEY"),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.received.add(push);
			// "/flaky" refuses each push twice before it takes it; "/down" never takes
			// one
			boolean refused = push.uri().startsWith("/down")
					|| (push.uri().startsWith("/flaky") && this.received.stream().filter(push::equals).count() <= 2);
			exchange.sendResponseHeaders(refused ? 503 : 202, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiving() {
		this.client.delete().uri("/sandbox/push").exchange().expectStatus().isNoContent();
		if (this.webhookId != null) {
			this.client.delete()
				.uri("/services/v2/webhook/{id}", this.webhookId)
				.header("X-DC-DEVKEY", DEV_KEY)
				.exchange()
				.expectStatus()
				.isNoContent();
		}
		this.receiver.stop(0);
	}

	@Test
	void aRegisteredWebhookHearsOfTheIssuanceWithItsSecretInTheWebhookKeyHeader() {
		registerWebhook("/ca-push/digicert");
		this.client.get()
			.uri("/services/v2/webhook")
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.webhooks[?(@.id == " + this.webhookId + ")].endpoint")
			.isEqualTo(url("/ca-push/digicert"))
			.jsonPath("$.webhooks[0].secret")
			.doesNotExist();
		long id = placed(this.client, "ssl_basic",
				body("hook.example.com", List.of(), csr(rsa2048(), "hook.example.com"), "ref-hook"));
		advance(id, Map.of("to", "issued"));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.received).filteredOn((r) -> r.body().contains("\"order_id\":" + id))
				.singleElement()
				.satisfies((r) -> {
					assertThat(r.uri()).isEqualTo("/ca-push/digicert");
					assertThat(r.key()).isEqualTo("hook-secret");
					assertThat(r.contentType()).startsWith("application/json");
					assertThat(r.body()).contains("\"event\":\"certificate_issued\"")
						.contains("\"status\":\"issued\"")
						.contains("\"certificate_id\":");
				}));
	}

	@Test
	void aWebhookWithoutASecretIsRefusedInDigicertsErrorShape() {
		this.client.post()
			.uri("/services/v2/webhook")
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("endpoint", url("/x"), "events", List.of("certificate_issued")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("missing_secret");
	}

	@Test
	void aSectigoOrderPushesEachStepAndItsIssuanceAsFormPostsToTheAccountsUrl() {
		this.client.put()
			.uri("/sandbox/sectigo/push-url")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("loginName", "sandbox-reseller", "url", url("/ca-push/sectigo?token=t0k")))
			.exchange()
			.expectStatus()
			.isNoContent();
		String orderNumber = sectigoOvOrder("push-sg.example.com", "ref-push-sg");
		advance(Long.parseLong(orderNumber), null);
		advance(Long.parseLong(orderNumber), Map.of("to", "issued"));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.received).filteredOn((r) -> r.body().contains("orderNumber=" + orderNumber))
						.extracting(Received::body)
						.containsExactlyInAnyOrder("orderNumber=" + orderNumber + "&statusCode=12",
								"orderNumber=" + orderNumber + "&statusCode=6"));
		assertThat(this.received).filteredOn((r) -> r.body().contains("orderNumber=" + orderNumber)).allSatisfy((r) -> {
			assertThat(r.uri()).isEqualTo("/ca-push/sectigo?token=t0k");
			assertThat(r.contentType()).startsWith("application/x-www-form-urlencoded");
		});
	}

	@Test
	void aSectigoDvOrderIsIssuedAndPushedByTheCasOwnClockWithoutAnyoneAskingAboutIt() {
		sectigoPushUrl("/ca-push/sectigo?token=clock");
		String orderNumber = sectigoDvOrder("clock-sg.example.com", "ref-clock-sg");

		// approve-after is 0.5 s here: issued and pushed by the CA's clock, not by a read
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.received).filteredOn((r) -> r.body().contains("orderNumber=" + orderNumber))
						.extracting(Received::body)
						.containsExactly("orderNumber=" + orderNumber + "&statusCode=6"));
		this.client.get()
			.uri("/sandbox/orders/{id}", orderNumber)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("issued")
			.jsonPath("$.calls")
			.isEqualTo(Map.of("place", 1));
	}

	@Test
	void aPushTheReceiverRefusesIsSentAgainUntilItIsTaken() {
		sectigoPushUrl("/flaky/sectigo");
		String orderNumber = sectigoOvOrder("flaky-sg.example.com", "ref-flaky-sg");
		advance(Long.parseLong(orderNumber), Map.of("to", "issued"));

		String issued = "orderNumber=" + orderNumber + "&statusCode=6";
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.received.stream().filter((r) -> r.body().equals(issued)).count() == 3);
		// taken at the third attempt: no fourth
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.received.stream().filter((r) -> r.body().equals(issued)).count() == 3);
	}

	@Test
	void aPushNeverTakenIsGivenUpAfterTheVendorsThreeRetries() {
		sectigoPushUrl("/down/sectigo");
		String orderNumber = sectigoOvOrder("down-sg.example.com", "ref-down-sg");
		advance(Long.parseLong(orderNumber), Map.of("to", "issued"));

		String issued = "orderNumber=" + orderNumber + "&statusCode=6";
		// 1 s, 2 s and 4 s apart: the first try and three retries within about 7 s
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.received.stream().filter((r) -> r.body().equals(issued)).count() == 4);
		await().during(Duration.ofSeconds(9))
			.atMost(Duration.ofSeconds(11))
			.until(() -> this.received.stream().filter((r) -> r.body().equals(issued)).count() == 4);
	}

	@Test
	void pushesSwitchedOffOrDroppedNeverArriveAndADelayHoldsThemBack() {
		registerWebhook("/quiet");
		this.client.post()
			.uri("/sandbox/push")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("api", "digicert", "mode", "OFF"))
			.exchange()
			.expectStatus()
			.isOk();
		long off = placed(this.client, "ssl_basic",
				body("off.example.com", List.of(), csr(rsa2048(), "off.example.com"), "ref-off"));
		advance(off, Map.of("to", "issued"));
		this.client.post()
			.uri("/sandbox/push")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("api", "digicert", "mode", "DROP", "dropProbability", 1.0))
			.exchange()
			.expectStatus()
			.isOk();
		long dropped = placed(this.client, "ssl_basic",
				body("drop.example.com", List.of(), csr(rsa2048(), "drop.example.com"), "ref-drop"));
		advance(dropped, Map.of("to", "issued"));
		this.client.post()
			.uri("/sandbox/push")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("api", "digicert", "mode", "ON", "delayMillis", 1500))
			.exchange()
			.expectStatus()
			.isOk();
		long delayed = placed(this.client, "ssl_basic",
				body("late.example.com", List.of(), csr(rsa2048(), "late.example.com"), "ref-late"));
		advance(delayed, Map.of("to", "issued"));

		await().during(Duration.ofMillis(1000))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.received.stream().noneMatch((r) -> r.body().contains("\"order_id\":" + delayed)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.received.stream().anyMatch((r) -> r.body().contains("\"order_id\":" + delayed)));
		assertThat(this.received)
			.noneMatch((r) -> r.body().contains("\"order_id\":" + off) || r.body().contains("\"order_id\":" + dropped));
	}

	@Test
	void aBadPushSettingIsAProblemAndChangesNothing() {
		this.client.post()
			.uri("/sandbox/push")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("api", "verisign", "mode", "LOUD"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/sandbox/push").exchange().expectBody().jsonPath("$.digicert.mode").isEqualTo("ON");
	}

	private void registerWebhook(String path) {
		Map<?, ?> created = this.client.post()
			.uri("/services/v2/webhook")
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("endpoint", url(path), "secret", "hook-secret", "events",
					List.of("certificate_issued", "order_rejected", "order_status_changed", "certificate_revoked")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.webhookId = ((Number) created.get("id")).longValue();
	}

	private void advance(long id, Map<String, String> body) {
		WebTestClient.RequestBodySpec request = this.client.post().uri("/sandbox/orders/{id}/advance", id);
		(body != null ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request).exchange()
			.expectStatus()
			.isOk();
	}

	private void sectigoPushUrl(String path) {
		this.client.put()
			.uri("/sandbox/sectigo/push-url")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("loginName", "sandbox-reseller", "url", url(path)))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private String sectigoOvOrder(String domain, String reference) {
		return sectigoOrder("24", domain, reference);
	}

	/** PositiveSSL, validated by email: the sandbox approves it by itself. */
	private String sectigoDvOrder(String domain, String reference) {
		return sectigoOrder("287", domain, reference);
	}

	private String sectigoOrder(String product, String domain, String reference) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("loginName", "sandbox-reseller");
		form.add("loginPassword", "sandbox-password");
		form.add("product", product);
		form.add("days", "365");
		form.add("csr", csr(rsa2048(), domain));
		form.add("dcvMethod", "EMAIL");
		form.add("dcvEmailAddress", "admin@" + domain);
		form.add("uniqueValue", reference);
		if (!product.equals("287")) {
			form.add("organizationName", "Example Ltd");
		}
		String reply = this.client.post()
			.uri("/products/!AutoApplySSL")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return reply.lines().filter((line) -> line.startsWith("orderNumber=")).findFirst().orElseThrow().substring(12);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path;
	}

}
