package com.rvssl.order.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every order-service endpoint of API.md, called over HTTP in the order a WHMCS addon
 * uses them.
 */
class ApiWalkIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void everyEndpointOfTheContractAnswersAsApiMdSays() {
		TestReseller reseller = registerReseller();
		String key = reseller.key();
		String domain = uniqueDomain();
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), domain);

		// GET /api/v1/products
		JsonNode products = ok(call(HttpMethod.GET, key, "/api/v1/products", null));
		assertThat(products.findValuesAsString("code")).contains("rapidssl-dv", "positivessl-dv",
				"positivessl-dv-wildcard", "positivessl-dv-multi", "sectigo-ov", "sectigo-ev", "digicert-ov",
				"digicert-ov-wildcard", "digicert-ev", "digicert-ev-multi");
		JsonNode rapid = product(products, "rapidssl-dv");
		assertThat(rapid.path("validation").asString()).isEqualTo("DV");
		assertThat(rapid.path("type").asString()).isEqualTo("SINGLE");
		assertThat(rapid.path("maxDomains").asInt()).isEqualTo(1);
		assertThat(rapid.at("/prices/0/retail/amount").asLong()).isEqualTo(1999);

		// PUT /api/v1/products/{code}/prices/{termMonths}
		JsonNode overridden = ok(call(HttpMethod.PUT, key, "/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", 2500, "currency", "USD"))));
		assertThat(overridden.at("/prices/0/retail/amount").asLong()).isEqualTo(2500);
		assertThat(overridden.at("/prices/0/recommendedRetail/amount").asLong()).isEqualTo(1999);
		// DELETE /api/v1/products/{code}/prices/{termMonths}
		JsonNode reset = ok(call(HttpMethod.DELETE, key, "/api/v1/products/rapidssl-dv/prices/12", null));
		assertThat(reset.at("/prices/0/retail/amount").asLong()).isEqualTo(1999);
		// DELETE /api/v1/prices
		ok(call(HttpMethod.PUT, key, "/api/v1/products/rapidssl-dv/prices/24",
				Map.of("retail", Map.of("amount", 4200, "currency", "USD"))));
		assertThat(call(HttpMethod.DELETE, key, "/api/v1/prices", null).getStatus().value()).isEqualTo(204);
		assertThat(product(ok(call(HttpMethod.GET, key, "/api/v1/products", null)), "rapidssl-dv")
			.at("/prices/1/retail/amount")
			.asLong()).isEqualTo(3799);

		// GET / PUT /api/v1/settings/auto-order
		assertThat(ok(call(HttpMethod.GET, key, "/api/v1/settings/auto-order", null)).path("mode").asString())
			.isEqualTo("AUTOMATIC");
		assertThat(ok(call(HttpMethod.PUT, key, "/api/v1/settings/auto-order", Map.of("mode", "ON_RESELLER_APPROVAL")))
			.path("mode")
			.asString()).isEqualTo("ON_RESELLER_APPROVAL");

		// GET /api/v1/dcv/approver-emails
		JsonNode approvers = ok(call(HttpMethod.GET, key, "/api/v1/dcv/approver-emails?domain=" + domain, null));
		assertThat(approvers.path("approverEmails").valueStream().map(JsonNode::asString)).contains("admin@" + domain,
				"webmaster@example.com");

		// POST /api/v1/csr/decode
		assertThat(
				ok(call(HttpMethod.POST, key, "/api/v1/csr/decode", Map.of("csr", csr))).path("commonName").asString())
			.isEqualTo(domain);

		// POST /api/v1/orders (without CSR), with an Idempotency-Key repeated
		Map<String, Object> body = dvOrder(domain, null);
		body.remove("dcv");
		EntityExchangeResult<JsonNode> created = http.post()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + key)
			.header("Idempotency-Key", "walk-" + domain)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(body))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();
		assertThat(created.getStatus().value()).isEqualTo(201);
		String orderId = created.getResponseBody().path("id").asString();
		assertThat(created.getResponseBody().path("state").asString()).isEqualTo("AWAITING_CONFIGURATION");
		assertThat(http.post()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + key)
			.header("Idempotency-Key", "walk-" + domain)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(body))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("id")
			.asString()).isEqualTo(orderId);

		// PUT /api/v1/orders/{id}/configuration: held by ON_RESELLER_APPROVAL
		JsonNode configured = ok(call(HttpMethod.PUT, key, "/api/v1/orders/" + orderId + "/configuration",
				Map.of("csr", csr, "dcv", Map.of("method", "EMAIL", "approverEmail", "admin@" + domain))));
		assertThat(configured.path("state").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(configured.at("/views/admin/status").asString()).isEqualTo("Awaiting Reseller Approval");

		// POST /api/v1/orders/{id}/approve
		assertThat(
				ok(call(HttpMethod.POST, key, "/api/v1/orders/" + orderId + "/approve", null)).path("state").asString())
			.isEqualTo("PLACED");
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, OrderPlaced.class), (found) -> found.size() == 1);

		// GET /api/v1/orders/{id} and GET /api/v1/orders?state=&domain=&page=&size=
		assertThat(ok(call(HttpMethod.GET, key, "/api/v1/orders/" + orderId, null)).path("domains").get(0).asString())
			.isEqualTo(domain);
		JsonNode page = ok(
				call(HttpMethod.GET, key, "/api/v1/orders?state=PLACED&domain=" + domain + "&page=0&size=5", null));
		assertThat(page.path("totalElements").asLong()).isEqualTo(1);
		assertThat(page.at("/content/0/id").asString()).isEqualTo(orderId);

		// GET /api/v1/orders/{id}/certificate before issuance: 409 problem
		assertThat(call(HttpMethod.GET, key, "/api/v1/orders/" + orderId + "/certificate?format=pem", null).getStatus()
			.value()).isEqualTo(409);

		// POST /api/v1/orders/{id}/dcv/resend while the CA validates
		publish(orderId, reseller.id(), new com.rvssl.contracts.events.PaymentCaptured(
				com.rvssl.contracts.Money.of(900, "USD"), com.rvssl.contracts.Money.of(0, "USD")));
		awaitOrderState(reseller, orderId, "PAID");
		publish(orderId, reseller.id(), new com.rvssl.contracts.events.CertificateSubmitted(
				com.rvssl.contracts.CertificateAuthority.DIGICERT, "DC-walk"));
		awaitOrderState(reseller, orderId, "SUBMITTED");
		EntityExchangeResult<JsonNode> resent = call(HttpMethod.POST, key, "/api/v1/orders/" + orderId + "/dcv/resend",
				null);
		assertThat(resent.getStatus().value()).isEqualTo(202);
		assertThat(await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, DcvResendRequested.class), (found) -> !found.isEmpty()))
			.containsExactly(new DcvResendRequested("admin@" + domain));

		// GET /api/v1/orders/{id}/certificate?format=pem|pkcs7|bundle once issued
		TestCertificates.Chain chain = issueFromSubmitted(reseller, orderId, domain);
		for (String format : List.of("pem", "pkcs7", "bundle")) {
			String download = http.get()
				.uri("/api/v1/orders/{id}/certificate?format={format}", orderId, format)
				.header("Authorization", "Bearer " + key)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(download).startsWith("-----BEGIN ");
		}
		assertThat(chain.certificates()).hasSize(3);

		// POST /api/v1/orders/{id}/reissue
		String newCsr = TestCertificates.csr(TestCertificates.rsa(2048), domain);
		JsonNode reissued = call(HttpMethod.POST, key, "/api/v1/orders/" + orderId + "/reissue", Map.of("csr", newCsr))
			.getResponseBody();
		assertThat(reissued.path("state").asString()).isEqualTo("ISSUED");
		assertThat(reissued.path("timeline").get(reissued.path("timeline").size() - 1).path("note").asString())
			.isEqualTo("Reissue requested");
		assertThat(await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, ReissueRequested.class), (found) -> !found.isEmpty()))
			.containsExactly(new ReissueRequested(newCsr));

		// GET /api/v1/orders/{id}/events: the current (final) status, then the stream
		// ends
		List<ServerSentEvent<JsonNode>> stream = http.get()
			.uri("/api/v1/orders/{id}/events", orderId)
			.header("Authorization", "Bearer " + key)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
			})
			.getResponseBody()
			.collectList()
			.block(java.time.Duration.ofSeconds(10));
		assertThat(stream).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("status");
			assertThat(event.data().path("state").asString()).isEqualTo("ISSUED");
			assertThat(event.data().at("/views/provider/status").asString()).isEqualTo("Complete");
		});

		// POST /api/v1/orders/{id}/cancel (under AUTOMATIC again, a second order)
		ok(call(HttpMethod.PUT, key, "/api/v1/settings/auto-order", Map.of("mode", "AUTOMATIC")));
		String other = uniqueDomain();
		String secondId = placeOrder(reseller, dvOrder(other, TestCertificates.csr(TestCertificates.rsa2048(), other)))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("id")
			.asString();
		// it went to billing: a request, answered by the gateway (CertificateCancelled)
		assertThat(ok(
				call(HttpMethod.POST, key, "/api/v1/orders/" + secondId + "/cancel", Map.of("reason", "changed mind")))
			.at("/cancellation/status")
			.asString()).isEqualTo("REQUESTED");
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(secondId, OrderCancelled.class), (found) -> !found.isEmpty());
	}

	@Test
	void theOperatorChangesCatalogPricesAndResellersCannot() {
		TestReseller reseller = registerReseller();
		Map<String, Object> change = Map.of("prices",
				List.of(Map.of("termMonths", 24, "wholesale", Map.of("amount", 9900, "currency", "USD"),
						"recommendedRetail", Map.of("amount", 17900, "currency", "USD"))));

		EntityExchangeResult<JsonNode> refused = call(HttpMethod.PUT, reseller.key(),
				"/api/v1/admin/products/sectigo-ov", change);
		assertThat(refused.getStatus().value()).isEqualTo(403);
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

		JsonNode changed = ok(call(HttpMethod.PUT, OPERATOR_KEY, "/api/v1/admin/products/sectigo-ov", change));
		assertThat(changed.at("/prices/1/wholesale/amount").asLong()).isEqualTo(9900);
		assertThat(changed.at("/prices/0/wholesale/amount").asLong()).as("other terms keep their price")
			.isEqualTo(4900);
		JsonNode seen = product(ok(call(HttpMethod.GET, reseller.key(), "/api/v1/products", null)), "sectigo-ov");
		assertThat(seen.at("/prices/1/wholesale/amount").asLong()).isEqualTo(9900);
		assertThat(seen.at("/prices/1/retail/amount").asLong()).isEqualTo(17900);

		assertThat(call(HttpMethod.PUT, OPERATOR_KEY, "/api/v1/admin/products/no-such-product", change).getStatus()
			.value()).isEqualTo(404);
		assertThat(call(HttpMethod.PUT, OPERATOR_KEY, "/api/v1/admin/products/sectigo-ov",
				Map.of("prices",
						List.of(Map.of("termMonths", 36, "wholesale", Map.of("amount", 1, "currency", "USD"),
								"recommendedRetail", Map.of("amount", 2, "currency", "USD")))))
			.getStatus()
			.value()).isEqualTo(422);
		assertThat(call(HttpMethod.PUT, OPERATOR_KEY, "/api/v1/admin/products/sectigo-ov",
				Map.of("prices",
						List.of(Map.of("termMonths", 12, "wholesale", Map.of("amount", 1, "currency", "EUR"),
								"recommendedRetail", Map.of("amount", 2, "currency", "EUR")))))
			.getResponseBody()
			.path("errors")).hasSize(2);
	}

	private TestCertificates.Chain issueFromSubmitted(TestReseller reseller, String orderId, String domain) {
		TestCertificates.Chain chain = TestCertificates.chainFor(domain);
		var leaf = chain.leaf();
		publish(orderId, reseller.id(),
				new com.rvssl.contracts.events.CertificateIssued("DC-walk", leaf.getSerialNumber().toString(16),
						leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), leaf.getIssuer().toString(),
						chain.pem()));
		awaitOrderState(reseller, orderId, "ISSUED");
		return chain;
	}

	private static JsonNode ok(EntityExchangeResult<JsonNode> result) {
		assertThat(result.getStatus().value())
			.as("%s %s: %s", result.getMethod(), result.getUrl(), result.getResponseBody())
			.isEqualTo(200);
		return result.getResponseBody();
	}

	static JsonNode product(JsonNode products, String code) {
		return products.valueStream()
			.filter((product) -> code.equals(product.path("code").asString()))
			.findFirst()
			.orElseThrow();
	}

}
