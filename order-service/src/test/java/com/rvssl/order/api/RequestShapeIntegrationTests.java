package com.rvssl.order.api;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shapes of requests the generated bad-input run found answered wrongly: two
 * Idempotency-Key or Authorization headers, a float where an integer is expected, and
 * paths the security firewall refuses (which it answered with an empty 400).
 */
class RequestShapeIntegrationTests extends OrderServiceIntegrationTest {

	@Value("${local.server.port}")
	int port;

	@Test
	void twoIdempotencyKeysAreRefusedAndPlaceNoOrder() {
		TestReseller reseller = registerReseller();
		EntityExchangeResult<JsonNode> result = http.post()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + reseller.key())
			.header("Idempotency-Key", "first")
			.header("Idempotency-Key", "second")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(dvOrder(uniqueDomain(), null)))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();

		assertProblem(result, 400, "invalid-request", "Idempotency-Key");
		assertThat(orderCount(reseller)).isZero();
	}

	@Test
	void aFloatForTheTermIsRefusedNotTruncated() {
		TestReseller reseller = registerReseller();
		Map<String, Object> body = new java.util.LinkedHashMap<>(dvOrder(uniqueDomain(), null));
		body.put("termMonths", 12.5);

		EntityExchangeResult<JsonNode> result = call(HttpMethod.POST, reseller.key(), "/api/v1/orders", body);

		assertProblem(result, 400, "invalid-request", "termMonths");
		assertThat(orderCount(reseller)).isZero();
	}

	@Test
	void twoAuthorizationHeadersAreNeitherKey() {
		TestReseller reseller = registerReseller();
		TestReseller other = registerReseller();

		EntityExchangeResult<JsonNode> result = http.get()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + reseller.key())
			.header("Authorization", "Bearer " + other.key())
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();

		assertProblem(result, 401, "unauthorized");
	}

	@Test
	void aPathTheFirewallRefusesIsAnsweredWithAProblem() {
		for (String path : new String[] { "/api/v1/orders/..%2F..%2Fadmin", "/api/v1/orders/x;jsessionid=1",
				"//api/v1/products", "/api/v1/%2e%2e/v1/products" }) {
			EntityExchangeResult<JsonNode> result = http.get()
				.uri(URI.create("http://localhost:" + this.port + path))
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult();

			assertProblem(result, 400, "rejected-request");
		}
	}

	private long orderCount(TestReseller reseller) {
		return call(HttpMethod.GET, reseller.key(), "/api/v1/orders", null).getResponseBody()
			.path("totalElements")
			.asLong();
	}

}
