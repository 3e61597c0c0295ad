package com.rvssl.sandbox;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Several accounts per CA: three DigiCert-style keys (the default one and {@code second}
 * and {@code third}) and two Sectigo-style logins. Each is its own account: an order
 * placed through one is unknown through another (DigiCert 404 {@code not_found|order},
 * Sectigo {@code -4} on {@code orderNumber}, as for an order that does not exist), each
 * key has its own request limits (20 per minute here), and each account pushes to its own
 * target. The admin API names each order's account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@TestPropertySource(properties = { "spring.config.name=" + SandboxCaApplication.CONFIG_NAME,
		"sandbox.dv.auto-approve=false", "sandbox.digicert.limits.short-window-requests=20",
		"sandbox.digicert.limits.short-window=PT1M", "sandbox.digicert.accounts[0].name=second",
		"sandbox.digicert.accounts[0].api-key=second-key", "sandbox.digicert.accounts[1].name=third",
		"sandbox.digicert.accounts[1].api-key=third-key", "sandbox.sectigo.accounts[0].login-name=second-reseller",
		"sandbox.sectigo.accounts[0].login-password=second-password" })
class AccountsTests {

	private static final String DEFAULT_KEY = "sandbox-devkey";

	private static final String SECOND_KEY = "second-key";

	@Autowired
	WebTestClient client;

	private HttpServer receiver;

	private final List<String> pushedTo = new CopyOnWriteArrayList<>();

	@BeforeEach
	void receivePushes() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/", (exchange) -> {
			this.pushedTo.add(exchange.getRequestURI().getPath() + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiving() {
		this.receiver.stop(0);
	}

	@Test
	void aDigicertOrderIsFoundListedReadDownloadedCancelledAndReissuedOnlyThroughTheKeyThatPlacedIt() {
		String reference = "ord-" + UUID.randomUUID();
		long id = placeDigicert(DEFAULT_KEY, "scoped.example.com", reference);
		advance(id);
		String unknown = digicert(SECOND_KEY, HttpMethod.GET, "/services/v2/order/certificate/999999999", null)
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		String order = "/services/v2/order/certificate/" + id;
		Map<String, Object> reissue = Map.of("certificate",
				Map.of("common_name", "scoped.example.com", "csr", csr(rsa2048(), "scoped.example.com")));
		List<WebTestClient.ResponseSpec> throughAnotherKey = List.of(digicert(SECOND_KEY, HttpMethod.GET, order, null),
				digicert(SECOND_KEY, HttpMethod.GET,
						"/services/v2/certificate/download/order/" + id + "/format/pem_all", null),
				digicert(SECOND_KEY, HttpMethod.PUT, order + "/status", Map.of("status", "canceled", "note", "x")),
				digicert(SECOND_KEY, HttpMethod.POST, order + "/reissue", reissue),
				digicert(SECOND_KEY, HttpMethod.PUT, order + "/send-dcv-email", null),
				digicert(SECOND_KEY, HttpMethod.PUT, order + "/dcv-method", Map.of("dcv_method", "dns-txt-token")),
				digicert(SECOND_KEY, HttpMethod.PUT, order + "/check-dcv", null));
		for (WebTestClient.ResponseSpec answer : throughAnotherKey) {
			answer.expectStatus().isNotFound().expectBody(String.class).isEqualTo(unknown);
		}
		assertThat(unknown).contains("not_found|order");
		digicert(SECOND_KEY, HttpMethod.GET, "/services/v2/order/certificate?filters[search]=" + reference, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orders")
			.isEmpty();

		// the key that placed it sees it, untouched
		digicert(DEFAULT_KEY, HttpMethod.GET, "/services/v2/order/certificate?filters[search]=" + reference, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orders[0].id")
			.isEqualTo(id);
		digicert(DEFAULT_KEY, HttpMethod.GET, "/services/v2/certificate/download/order/" + id + "/format/pem_all", null)
			.expectStatus()
			.isOk();
		assertThat(admin(reference)).singleElement().satisfies((placed) -> {
			assertThat(placed).containsEntry("account", "default").containsEntry("status", "issued");
			assertThat(placed.get("reissues")).isEqualTo(0);
			// the other key's calls are counted against no order, as for an unknown one
			assertThat(placed.get("calls")).isEqualTo(Map.of("place", 1, "download", 1));
		});
	}

	@Test
	void eachDigicertKeyHasItsOwnRequestLimits() {
		for (int i = 0; i < 20; i++) {
			digicert("third-key", HttpMethod.GET, "/services/v2/order/certificate", null).expectStatus().isOk();
		}
		digicert("third-key", HttpMethod.GET, "/services/v2/order/certificate", null).expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("request_limit_exceeded");

		digicert(DEFAULT_KEY, HttpMethod.GET, "/services/v2/order/certificate", null).expectStatus().isOk();
		digicert(SECOND_KEY, HttpMethod.GET, "/services/v2/order/certificate", null).expectStatus().isOk();
	}

	@Test
	void eachDigicertKeyHasItsOwnWebhooksAndItsOrdersPushToThemAlone() {
		long defaultHook = registerWebhook(DEFAULT_KEY, "/digicert-default");
		long secondHook = registerWebhook(SECOND_KEY, "/digicert-second");
		try {
			digicert(DEFAULT_KEY, HttpMethod.GET, "/services/v2/webhook", null).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.webhooks[*].id")
				.isEqualTo(List.of((int) defaultHook));
			digicert(DEFAULT_KEY, HttpMethod.DELETE, "/services/v2/webhook/" + secondHook, null).expectStatus()
				.isNotFound();

			long id = placeDigicert(SECOND_KEY, "hooked.example.com", "ord-" + UUID.randomUUID());
			advance(id);

			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.pushedTo.stream().anyMatch((push) -> push.contains("\"order_id\":" + id)));
			assertThat(this.pushedTo).filteredOn((push) -> push.contains("\"order_id\":" + id))
				.allSatisfy((push) -> assertThat(push).startsWith("/digicert-second "));
		}
		finally {
			digicert(DEFAULT_KEY, HttpMethod.DELETE, "/services/v2/webhook/" + defaultHook, null).expectStatus()
				.isNoContent();
			digicert(SECOND_KEY, HttpMethod.DELETE, "/services/v2/webhook/" + secondHook, null).expectStatus()
				.isNoContent();
		}
	}

	@Test
	void aSectigoOrderIsCollectedReplacedRevokedAndValidatedOnlyThroughTheLoginThatPlacedIt() {
		String reference = "ord-" + UUID.randomUUID();
		String orderNumber = placeSectigo("sandbox-reseller", "sandbox-password", reference).get("orderNumber");
		Map<String, String> unknown = sectigo("second-reseller", "second-password", "download/CollectSSL",
				Map.of("orderNumber", "999999999"));
		assertThat(unknown).containsEntry("errorCode", "-4").containsEntry("errorItem", "orderNumber");

		Map<String, Map<String, String>> calls = new LinkedHashMap<>();
		calls.put("download/CollectSSL", Map.of("orderNumber", orderNumber, "queryType", "0"));
		calls.put("!AutoReplaceSSL",
				Map.of("orderNumber", orderNumber, "csr", csr(rsa2048(), "x.sectigo.example.com")));
		calls.put("!AutoRevokeSSL", Map.of("orderNumber", orderNumber));
		calls.put("!ResendDCVEmail", Map.of("orderNumber", orderNumber));
		calls.put("!AutoUpdateDCV", Map.of("orderNumber", orderNumber, "newMethod", "CNAME_CSR_HASH"));
		calls.forEach((operation,
				arguments) -> assertThat(sectigo("second-reseller", "second-password", operation, arguments))
					.as(operation)
					.containsEntry("errorCode", unknown.get("errorCode"))
					.containsEntry("errorItem", unknown.get("errorItem"))
					.containsEntry("errorMessage", unknown.get("errorMessage")));

		assertThat(sectigo("sandbox-reseller", "sandbox-password", "download/CollectSSL",
				Map.of("orderNumber", orderNumber, "queryType", "0")))
			.containsEntry("errorCode", "0")
			.containsEntry("certificateStatus", "Awaiting Validation");
		// the same uniqueValue through the other login is that login's own, new order
		String secondNumber = placeSectigo("second-reseller", "second-password", reference).get("orderNumber");
		assertThat(secondNumber).isNotEqualTo(orderNumber);
		assertThat(admin(reference)).extracting((order) -> order.get("caOrderId") + " " + order.get("account"))
			.containsExactly(orderNumber + " sandbox-reseller", secondNumber + " second-reseller");
		assertThat(admin(reference).get(0).get("calls")).isEqualTo(Map.of("place", 1, "status", 1));
	}

	@Test
	void eachSectigoLoginPushesToItsOwnUrl() {
		pushUrl("sandbox-reseller", "/sectigo-default");
		pushUrl("second-reseller", "/sectigo-second");
		String first = placeSectigo("sandbox-reseller", "sandbox-password", "ord-" + UUID.randomUUID())
			.get("orderNumber");
		String second = placeSectigo("second-reseller", "second-password", "ord-" + UUID.randomUUID())
			.get("orderNumber");
		advance(Long.parseLong(first));
		advance(Long.parseLong(second));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.pushedTo)
				.contains("/sectigo-default orderNumber=" + first + "&statusCode=6",
						"/sectigo-second orderNumber=" + second + "&statusCode=6")
				.noneMatch((push) -> push.equals("/sectigo-default orderNumber=" + second + "&statusCode=6")
						|| push.equals("/sectigo-second orderNumber=" + first + "&statusCode=6")));
	}

	@Test
	void twoAccountsWithOneNameOrABlankKeyAreRefusedWithTheirProperty() {
		SandboxProperties.Limits limits = new SandboxProperties.Limits(100, Duration.ofSeconds(5), 1000,
				Duration.ofMinutes(5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SandboxProperties.Digicert("key", limits,
					List.of(new SandboxProperties.DigicertAccount("default", "other"))))
			.withMessageContaining("sandbox.digicert.accounts[0].name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SandboxProperties.Digicert("key", limits,
					List.of(new SandboxProperties.DigicertAccount("b", " "))))
			.withMessageContaining("sandbox.digicert.accounts[0] needs a name and an api-key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SandboxProperties.Sectigo("login", "password", Duration.ofDays(30), null,
					List.of(new SandboxProperties.SectigoAccount("login", "other", null))))
			.withMessageContaining("sandbox.sectigo.accounts[0].login-name");
	}

	private long placeDigicert(String key, String commonName, String reference) {
		Map<?, ?> created = digicert(key, HttpMethod.POST, "/services/v2/order/certificate/ssl_dv_rapidssl",
				DigicertOrders.body(commonName, List.of(), csr(rsa2048(), commonName), reference))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) created.get("id")).longValue();
	}

	private WebTestClient.ResponseSpec digicert(String key, HttpMethod method, String path, Object body) {
		WebTestClient.RequestBodySpec request = this.client.method(method).uri(path).header("X-DC-DEVKEY", key);
		return (body != null) ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				: request.exchange();
	}

	private long registerWebhook(String key, String path) {
		Map<?, ?> created = digicert(key, HttpMethod.POST, "/services/v2/webhook",
				Map.of("endpoint", "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path, "secret",
						"hook-secret"))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) created.get("id")).longValue();
	}

	private Map<String, String> placeSectigo(String login, String password, String reference) {
		Map<String, String> order = new LinkedHashMap<>();
		order.put("product", "287");
		order.put("days", "365");
		order.put("csr", csr(rsa2048(), "accounts.sectigo.example.com"));
		order.put("dcvMethod", "EMAIL");
		order.put("dcvEmailAddress", "admin@accounts.sectigo.example.com");
		order.put("uniqueValue", reference);
		Map<String, String> reply = sectigo(login, password, "!AutoApplySSL", order);
		assertThat(reply).containsEntry("errorCode", "0");
		return reply;
	}

	private Map<String, String> sectigo(String login, String password, String operation,
			Map<String, String> arguments) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("loginName", login);
		form.add("loginPassword", password);
		arguments.forEach(form::add);
		String body = this.client.post()
			.uri("/products/" + operation)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, String> reply = new LinkedHashMap<>();
		for (String line : body.split("\n")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				reply.put(line.substring(0, equals), line.substring(equals + 1));
			}
		}
		return reply;
	}

	private void pushUrl(String login, String path) {
		this.client.put()
			.uri("/sandbox/sectigo/push-url")
			.bodyValue(Map.of("loginName", login, "url",
					"http://127.0.0.1:" + this.receiver.getAddress().getPort() + path))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private void advance(long id) {
		this.client.post()
			.uri("/sandbox/orders/{id}/advance", id)
			.bodyValue(Map.of("to", "issued"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> admin(String reference) {
		return this.client.get()
			.uri((uri) -> uri.path("/sandbox/orders").queryParam("reference", reference).build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((order) -> (Map<String, Object>) order)
			.toList();
	}

}
