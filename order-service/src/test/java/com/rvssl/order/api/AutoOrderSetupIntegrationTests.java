package com.rvssl.order.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.orders.Order;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each Auto Order Setup mode decides whether a configured order goes to billing
 * (OrderPlaced) by itself.
 */
class AutoOrderSetupIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void underAutomaticAConfiguredOrderGoesToBillingAtOnce() {
		TestReseller reseller = registerReseller();
		String orderId = placeConfigured(reseller);

		assertThat(order(reseller, orderId).path("state").asString()).isEqualTo("PLACED");
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, OrderPlaced.class), (found) -> found.size() == 1);
	}

	@Test
	void underOnResellerApprovalAConfiguredOrderWaitsWithNoEventUntilApproved() {
		TestReseller reseller = registerReseller();
		setMode(reseller, "ON_RESELLER_APPROVAL");
		String orderId = placeConfigured(reseller);

		JsonNode held = order(reseller, orderId);
		assertThat(held.path("state").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(held.path("mode").asString()).isEqualTo("ON_RESELLER_APPROVAL");
		assertThat(held.at("/views/admin/status").asString()).isEqualTo("Awaiting Reseller Approval");
		assertNothingLeaves(orderId);

		approve(reseller, orderId).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("PLACED");
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, OrderPlaced.class), (found) -> found.size() == 1);
		approve(reseller, orderId).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/illegal-transition");
	}

	@Test
	void underManualAnOrderConfiguredLaterNeverGoesByItselfButTheApprovalSendsIt() {
		TestReseller reseller = registerReseller();
		setMode(reseller, "MANUAL");
		String domain = uniqueDomain();
		Map<String, Object> body = dvOrder(domain, null);
		body.remove("dcv");
		String orderId = placeOrder(reseller, body).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("id")
			.asString();
		approve(reseller, orderId).expectStatus().isEqualTo(409);

		EntityExchangeResult<JsonNode> configured = call(HttpMethod.PUT, reseller.key(),
				"/api/v1/orders/" + orderId + "/configuration", Map.of("csr",
						TestCertificates.csr(TestCertificates.rsa2048(), domain), "dcv", Map.of("method", "DNS")));
		assertThat(configured.getResponseBody().path("state").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(configured.getResponseBody().at("/views/admin/status").asString())
			.isEqualTo("Awaiting Manual Submission");
		assertNothingLeaves(orderId);

		approve(reseller, orderId).expectStatus().isOk();
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, OrderPlaced.class), (found) -> found.size() == 1);
	}

	@Test
	void theSettingDefaultsToAutomaticAndRefusesAnUnknownMode() {
		TestReseller reseller = registerReseller();
		assertThat(call(HttpMethod.GET, reseller.key(), "/api/v1/settings/auto-order", null).getResponseBody()
			.path("mode")
			.asString()).isEqualTo("AUTOMATIC");
		EntityExchangeResult<JsonNode> refused = call(HttpMethod.PUT, reseller.key(), "/api/v1/settings/auto-order",
				Map.of("mode", "WHENEVER"));
		assertThat(refused.getStatus().value()).isEqualTo(400);
		assertThat(refused.getResponseBody().at("/errors/0/field").asString()).isEqualTo("mode");
		assertThat(call(HttpMethod.GET, OPERATOR_KEY, "/api/v1/settings/auto-order", null).getStatus().value())
			.isEqualTo(403);
	}

	/**
	 * The stored order has nothing to publish, and nothing of it reaches the topic
	 * meanwhile.
	 */
	private void assertNothingLeaves(String orderId) {
		Order stored = orders.findById(orderId).block(Duration.ofSeconds(5));
		assertThat(stored.outbox()).isEmpty();
		await().during(Duration.ofSeconds(1))
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> events().orderEvents(orderId).isEmpty());
	}

	private String placeConfigured(TestReseller reseller) {
		String domain = uniqueDomain();
		return placeOrder(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("id")
			.asString();
	}

	private void setMode(TestReseller reseller, String mode) {
		assertThat(call(HttpMethod.PUT, reseller.key(), "/api/v1/settings/auto-order", Map.of("mode", mode)).getStatus()
			.value()).isEqualTo(200);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec approve(TestReseller reseller,
			String orderId) {
		return http.post()
			.uri("/api/v1/orders/{id}/approve", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.exchange();
	}

}
