package com.rvssl.order.api;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reseller's own retail prices: shown in the catalog, used by orders, refused when they
 * make no sense.
 */
class RetailPricesIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void anOrderIsPricedAtTheResellersOverrideAndAtTheRecommendedPriceOnceReset() {
		TestReseller reseller = registerReseller();
		call(HttpMethod.PUT, reseller.key(), "/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", 2900, "currency", "USD")));

		String domain = uniqueDomain();
		JsonNode placed = placeOrder(reseller,
				dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(placed.at("/price/retail/amount").asLong()).isEqualTo(2900);
		assertThat(placed.at("/price/wholesale/amount").asLong()).isEqualTo(900);
		String orderId = placed.path("id").asString();
		assertThat(await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, OrderPlaced.class), (found) -> !found.isEmpty())
			.get(0)
			.retail()).isEqualTo(Money.of(2900, "USD"));

		call(HttpMethod.DELETE, reseller.key(), "/api/v1/products/rapidssl-dv/prices/12", null);
		String other = uniqueDomain();
		placeOrder(reseller, dvOrder(other, TestCertificates.csr(TestCertificates.rsa2048(), other))).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.price.retail.amount")
			.isEqualTo(1999);
	}

	@Test
	void overridesInAnotherCurrencyNegativeOrForUnknownProductsAndTermsAreRefused() {
		TestReseller reseller = registerReseller();
		refused(call(HttpMethod.PUT, reseller.key(), "/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", 2900, "currency", "EUR"))), 422, "invalid-request");
		refused(call(HttpMethod.PUT, reseller.key(), "/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", -1, "currency", "USD"))), 400, "invalid-request");
		refused(call(HttpMethod.PUT, reseller.key(), "/api/v1/products/rapidssl-dv/prices/36",
				Map.of("retail", Map.of("amount", 2900, "currency", "USD"))), 422, "invalid-request");
		refused(call(HttpMethod.PUT, reseller.key(), "/api/v1/products/no-such-ssl/prices/12",
				Map.of("retail", Map.of("amount", 2900, "currency", "USD"))), 404, "product-not-found");
		refused(call(HttpMethod.DELETE, reseller.key(), "/api/v1/products/no-such-ssl/prices/12", null), 404,
				"product-not-found");
		refused(call(HttpMethod.PUT, reseller.key(), "/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", "29.00")), 400, "invalid-request");
		refused(call(HttpMethod.PUT, OPERATOR_KEY, "/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", 2900, "currency", "USD"))), 403, "forbidden");

		JsonNode rapid = ApiWalkIntegrationTests
			.product(call(HttpMethod.GET, reseller.key(), "/api/v1/products", null).getResponseBody(), "rapidssl-dv");
		assertThat(rapid.at("/prices/0/retail/amount").asLong()).isEqualTo(1999);
	}

	private static void refused(EntityExchangeResult<JsonNode> result, int status, String type) {
		assertThat(result.getStatus().value()).as("%s %s", result.getMethod(), result.getUrl()).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponseBody().path("type").asString()).endsWith("/" + type);
	}

}
