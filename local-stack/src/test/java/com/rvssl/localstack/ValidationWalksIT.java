package com.rvssl.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.TestCertificates;
import com.rvssl.localstack.PlatformCalls.Reply;

import static com.rvssl.localstack.PlatformCalls.awaitOrder;
import static com.rvssl.localstack.PlatformCalls.call;
import static com.rvssl.localstack.PlatformCalls.sandbox;
import static com.rvssl.localstack.PlatformCalls.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The validation paths walked end to end on the running platform, each from the WHMCS
 * call to the order's three views, through the gateway, the sandbox CA, status-sync and
 * Kafka: DV by HTTP file (served by this test on loopback, found by the sandbox through
 * its resolver), DV by DNS record (in the sandbox's registry), OV and EV through
 * documents, verification call and review (moved on by the sandbox's admin API), a
 * rejection and a cancellation, both refunded to credit.
 */
@ExtendWith(RunningPlatform.class)
class ValidationWalksIT {

	/**
	 * Generous: two cores shared by several builds; OV checks run at a slower pace than
	 * DV ones.
	 */
	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final Map<String, String> FILES = new ConcurrentHashMap<>();

	private static LocalStack stack;

	private static HttpServer web;

	@BeforeAll
	static void useThePlatform() throws IOException {
		stack = RunningPlatform.stack();
		web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		web.createContext("/", exchange -> {
			String body = FILES.get(exchange.getRequestURI().getPath());
			byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.sendResponseHeaders((body != null) ? 200 : 404, (bytes.length > 0) ? bytes.length : -1);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
		});
		web.start();
	}

	@AfterAll
	static void stopServing() {
		if (web != null) {
			web.stop(0);
		}
	}

	@Test
	void aDvOrderByHttpShowsTheFileToPublishAndIsIssuedOnceTheSandboxFetchesIt() {
		String domain = uniqueDomain("http");
		String orderId = placeOrder("rapidssl-dv", domain, Map.of("method", "HTTP"), null);

		JsonNode pending = awaitOrder(orderId, PATIENCE,
				order -> "DCV_PENDING".equals(order.at("/validation/stage").asString(null)));
		JsonNode instruction = pending.at("/validation/dcv/0");
		assertThat(instruction.get("method").asString()).isEqualTo("HTTP");
		String url = instruction.get("target").asString();
		assertThat(url).isEqualTo("http://" + domain + "/.well-known/pki-validation/fileauth.txt");
		String content = instruction.get("value").asString();
		assertThat(pending.at("/views/client/status").asString()).isEqualTo("Pending Validation");
		assertThat(pending.at("/views/client/detail").asString()).contains("Publish the file " + url).contains(content);
		assertThat(pending.at("/views/admin/status").asString()).isEqualTo("Pending Validation");
		assertThat(pending.at("/views/admin/detail").asString()).contains(url);
		assertThat(pending.at("/views/provider/status").asString()).isEqualTo("Pending Validation");

		FILES.put(URI.create(url).getPath(), content);
		sandbox("PUT", "/sandbox/resolver",
				Map.of("domain", domain, "address", "127.0.0.1:" + web.getAddress().getPort()));

		JsonNode issued = awaitState(orderId, "ISSUED");
		assertIssuedViews(issued);
		assertThat(issued.at("/validation/dcv")).isEmpty();
	}

	@Test
	void aDvOrderByDnsShowsTheTxtRecordAndIsIssuedOnceTheRecordExists() {
		String domain = uniqueDomain("dns");
		String orderId = placeOrder("rapidssl-dv", domain, Map.of("method", "DNS"), null);

		JsonNode pending = awaitOrder(orderId, PATIENCE,
				order -> "DCV_PENDING".equals(order.at("/validation/stage").asString(null)));
		JsonNode instruction = pending.at("/validation/dcv/0");
		assertThat(instruction.get("method").asString()).isEqualTo("DNS");
		assertThat(instruction.get("target").asString()).isEqualTo("_dnsauth." + domain);
		String value = instruction.get("value").asString();
		assertThat(pending.at("/views/client/detail").asString())
			.isEqualTo("Add the DNS record _dnsauth." + domain + " with the value " + value + ".");

		sandbox("PUT", "/sandbox/dns", Map.of("name", "_dnsauth." + domain, "type", "TXT", "value", value));

		assertIssuedViews(awaitState(orderId, "ISSUED"));
	}

	@Test
	void anOvOrderWalksThroughDocumentsCallAndReviewInAllThreeViewsAndIsIssued() {
		walkOrganisationValidation("digicert-ov", uniqueDomain("ov"));
	}

	@Test
	void anEvOrderWalksThroughDocumentsCallAndReviewInAllThreeViewsAndIsIssued() {
		walkOrganisationValidation("digicert-ev", uniqueDomain("ev"));
	}

	@Test
	void anOrderTheCaRejectsShowsTheReasonInEveryViewAndIsRefunded() {
		String domain = uniqueDomain("reject");
		String orderId = placeOrder("digicert-ov", domain, emailDcv(domain), organization());
		String caOrderId = awaitOrder(orderId, PATIENCE,
				order -> "DOCUMENTS_REQUESTED".equals(order.at("/validation/stage").asString(null)))
			.get("caOrderId")
			.asString();

		sandbox("POST", "/sandbox/orders/" + caOrderId + "/advance",
				Map.of("to", "rejected", "reason", "Organisation could not be verified"));

		JsonNode rejected = awaitState(orderId, "REJECTED");
		for (String view : List.of("client", "admin", "provider")) {
			assertThat(rejected.at("/views/" + view + "/status").asString()).isEqualTo("Rejected");
			assertThat(rejected.at("/views/" + view + "/detail").asString())
				.contains("Organisation could not be verified");
		}
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(ledger(orderId, "REFUND")).isEqualTo(1));
	}

	@Test
	void anOrderCancelledWhileTheCaValidatesIsCancelledAtTheCaAndRefundedWithinTheWindow() {
		String domain = uniqueDomain("cancel");
		String orderId = placeOrder("rapidssl-dv", domain, Map.of("method", "HTTP"), null);
		String caOrderId = awaitOrder(orderId, PATIENCE,
				order -> "DCV_PENDING".equals(order.at("/validation/stage").asString(null)))
			.get("caOrderId")
			.asString();

		Reply cancel = call("POST", stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId + "/cancel",
				stack.credentials().resellerKey(), Map.of("reason", "customer changed their mind"));
		assertThat(cancel.status()).as("cancel: %s", cancel.body()).isBetween(200, 299);

		JsonNode cancelled = awaitState(orderId, "CANCELLED");
		for (String view : List.of("client", "admin", "provider")) {
			assertThat(cancelled.at("/views/" + view + "/status").asString()).isEqualTo("Cancelled");
		}
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(ledger(orderId, "REFUND")).isEqualTo(1);
			JsonNode atCa = call("GET", stack.sandboxUrl() + "/sandbox/orders/" + caOrderId, null, null).body();
			assertThat(atCa.get("status").asString()).isEqualTo("canceled");
		});
		assertThat(ledger(orderId, "CHARGE")).isEqualTo(1);
	}

	/**
	 * Documents requested, verification call, review: each seen in the views before the
	 * sandbox moves on.
	 */
	private static void walkOrganisationValidation(String product, String domain) {
		String orderId = placeOrder(product, domain, emailDcv(domain), organization());
		Map<String, String> clientWords = Map.of("DOCUMENTS_REQUESTED", "documents", "VERIFICATION_CALL_PENDING",
				"call", "UNDER_REVIEW", "reviewing");
		String caOrderId = null;
		for (String stage : List.of("DOCUMENTS_REQUESTED", "VERIFICATION_CALL_PENDING", "UNDER_REVIEW")) {
			JsonNode order = awaitOrder(orderId, PATIENCE, o -> stage.equals(o.at("/validation/stage").asString(null)));
			assertThat(order.get("state").asString()).isEqualTo("PENDING_VALIDATION");
			assertThat(order.at("/validation/level").asString()).isEqualTo(product.endsWith("-ev") ? "EV" : "OV");
			assertThat(order.at("/validation/dcv")).isEmpty();
			assertThat(order.at("/views/client/status").asString()).isEqualTo("Pending Validation");
			assertThat(order.at("/views/client/detail").asString()).contains(clientWords.get(stage));
			assertThat(order.at("/views/admin/detail").asString()).isEqualTo(order.at("/validation/detail").asString());
			assertThat(order.at("/views/provider/status").asString()).isEqualTo("Pending Validation");
			caOrderId = order.get("caOrderId").asString();
			sandbox("POST", "/sandbox/orders/" + caOrderId + "/advance", null);
		}
		assertIssuedViews(awaitState(orderId, "ISSUED"));
		assertThat(ledger(orderId, "CHARGE")).isEqualTo(1);
	}

	private static void assertIssuedViews(JsonNode issued) {
		assertThat(issued.at("/views/client/status").asString()).isEqualTo("Issued");
		assertThat(issued.at("/views/admin/status").asString()).isEqualTo("Active");
		assertThat(issued.at("/views/provider/status").asString()).isEqualTo("Complete");
		assertThat(issued.at("/certificate/serialNumber").asString()).isNotBlank();
		assertThat(issued.at("/validation/stage").isNull()).isTrue();
	}

	// --- the steps a WHMCS addon takes

	private static String placeOrder(String product, String domain, Map<String, Object> dcv,
			Map<String, Object> organization) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("productCode", product, "termMonths", 12, "domains",
				List.of(domain), "whmcsServiceId", "whmcs-" + domain, "customer",
				Map.of("name", "Ann Lee", "email", "walk-" + domain + "@customer.example"), "csr",
				TestCertificates.csr(TestCertificates.rsa2048(), domain), "dcv", dcv));
		if (organization != null) {
			body.put("organization", organization);
		}
		Reply reply = call("POST", stack.url(PlatformService.ORDER) + "/api/v1/orders",
				stack.credentials().resellerKey(), body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(reply.status()).as("create order: %s", reply.body()).isEqualTo(201);
		return reply.body().get("id").asString();
	}

	private static Map<String, Object> emailDcv(String domain) {
		return Map.of("method", "EMAIL", "approverEmail", "admin@" + domain);
	}

	private static Map<String, Object> organization() {
		return Map.of("name", "Example Trading Ltd", "country", "GB", "city", "London", "address", "1 High Street",
				"phone", "+44 20 7946 0000", "contact",
				Map.of("name", "Bob Smith", "email", "bob@example.co.uk", "phone", "+44 20 7946 0001"));
	}

	private static JsonNode awaitState(String orderId, String state) {
		return awaitOrder(orderId, PATIENCE, order -> state.equals(order.get("state").asString()));
	}

	private static long ledger(String orderId, String type) {
		JsonNode ledger = call("GET", stack.url(PlatformService.BILLING) + "/api/v1/account/ledger?size=200",
				stack.credentials().resellerKey(), null)
			.body();
		long count = 0;
		for (JsonNode entry : ledger.get("content")) {
			if (type.equals(entry.get("type").asString()) && orderId.equals(entry.path("orderId").asString())) {
				count++;
			}
		}
		return count;
	}

}
