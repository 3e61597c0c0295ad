package com.rvssl.order.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.validation.MoneyAmounts;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the API refuses before it does anything: bodies that are not JSON (415, whatever
 * they contain), amounts out of bounds, currencies that are not ISO 4217 money, oversized
 * strings, ids and pages. Each is a problem and leaves nothing behind.
 */
class RefusedInputIntegrationTests extends OrderServiceIntegrationTest {

	private static final String JSON_ONLY = "; send application/json.";

	private TestReseller reseller;

	@BeforeEach
	void aResellerOfItsOwn() {
		reseller = registerReseller();
	}

	static Stream<Arguments> notJson() {
		return Stream.of(Arguments.of(MediaType.TEXT_PLAIN, "Content-Type 'text/plain' is not supported"),
				Arguments.of(MediaType.APPLICATION_FORM_URLENCODED,
						"Content-Type 'application/x-www-form-urlencoded' is not supported"),
				Arguments.of(null, "A Content-Type is required"));
	}

	@ParameterizedTest
	@MethodSource("notJson")
	void anOrderInAnotherContentTypeIsUnsupportedAndNotCreated(MediaType contentType, String detail) {
		String domain = uniqueDomain();
		String body = json(dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));

		EntityExchangeResult<JsonNode> result = send(HttpMethod.POST, "/api/v1/orders", contentType, body);

		assertUnsupported(result, detail);
		assertThat(myOrders().path("totalElements").asLong()).isZero();
		assertThat(events().resellerOrderEvents(reseller.id())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
	void everyJsonEndpointRefusesAnotherContentType(String contentType) {
		String orderId = placed(reseller, dvOrder(uniqueDomain(), null));
		MediaType type = MediaType.parseMediaType(contentType);
		String detail = "Content-Type '" + contentType + "' is not supported";

		assertUnsupported(send(HttpMethod.PUT, "/api/v1/orders/" + orderId + "/configuration", type, "{}"), detail);
		assertUnsupported(send(HttpMethod.PUT, "/api/v1/orders/" + orderId + "/dcv", type, "{\"method\":\"DNS\"}"),
				detail);
		assertUnsupported(send(HttpMethod.POST, "/api/v1/orders/" + orderId + "/reissue", type, "{}"), detail);
		assertUnsupported(send(HttpMethod.POST, "/api/v1/orders/" + orderId + "/cancel", type, "{\"reason\":\"x\"}"),
				detail);
		assertUnsupported(send(HttpMethod.POST, "/api/v1/csr/decode", type, "{\"csr\":\"x\"}"), detail);
		assertUnsupported(send(HttpMethod.PUT, "/api/v1/settings/auto-order", type, "{\"mode\":\"MANUAL\"}"), detail);
		assertUnsupported(send(HttpMethod.PUT, "/api/v1/products/rapidssl-dv/prices/12", type,
				"{\"retail\":{\"amount\":1,\"currency\":\"USD\"}}"), detail);

		assertThat(order(reseller, orderId).path("state").asString()).as("not cancelled").isNotEqualTo("CANCELLED");
		assertThat(retailOfRapidSsl12()).isEqualTo(recommendedOfRapidSsl12());
	}

	@Test
	void aBareCancelWithoutABodyStillCancels() {
		String orderId = placed(reseller, dvOrder(uniqueDomain(), null));

		EntityExchangeResult<JsonNode> result = http.post()
			.uri("/api/v1/orders/{id}/cancel", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();

		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody().path("state").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void theCatalogRefusesAnotherContentTypeFromTheOperator() {
		assertUnsupported(send(HttpMethod.PUT, "/api/v1/admin/products/sectigo-ov", MediaType.TEXT_PLAIN,
				"{\"prices\":[]}", OPERATOR_KEY), "Content-Type 'text/plain' is not supported");
	}

	@ParameterizedTest
	@ValueSource(longs = { MoneyAmounts.MAX + 1, Long.MAX_VALUE, -1 })
	void aRetailPriceOutOfBoundsIsABadRequestAndChangesNothing(long amount) {
		EntityExchangeResult<JsonNode> result = call(HttpMethod.PUT, reseller.key(),
				"/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", amount, "currency", "USD")));

		assertProblem(result, 400, "invalid-request", "retail.amount");
		assertThat(retailOfRapidSsl12()).isEqualTo(recommendedOfRapidSsl12());
	}

	@Test
	void theHighestAmountIsAccepted() {
		EntityExchangeResult<JsonNode> result = call(HttpMethod.PUT, reseller.key(),
				"/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", MoneyAmounts.MAX, "currency", "USD")));

		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(retailOfRapidSsl12().path("amount").asLong()).isEqualTo(MoneyAmounts.MAX);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ZZZ", "usd", "XAU", "US", "" })
	void aCurrencyThatIsNotIsoMoneyIsABadRequest(String currency) {
		EntityExchangeResult<JsonNode> result = call(HttpMethod.PUT, reseller.key(),
				"/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", 2900, "currency", currency)));

		assertProblem(result, 400, "invalid-request", "retail.currency");
		assertThat(retailOfRapidSsl12()).isEqualTo(recommendedOfRapidSsl12());
	}

	@Test
	void catalogPricesOutOfBoundsOrInNoCurrencyAreBadRequests() {
		EntityExchangeResult<JsonNode> result = call(HttpMethod.PUT, OPERATOR_KEY, "/api/v1/admin/products/sectigo-ov",
				Map.of("prices",
						List.of(Map.of("termMonths", 12, "wholesale",
								Map.of("amount", MoneyAmounts.MAX + 1, "currency", "USD"), "recommendedRetail",
								Map.of("amount", 2, "currency", "ZZZ")))));

		assertProblem(result, 400, "invalid-request", "prices[0].wholesale.amount",
				"prices[0].recommendedRetail.currency");
	}

	static Stream<Arguments> oversizedOrders() {
		return Stream
			.of(Arguments.of("productCode", "x".repeat(101), "productCode"),
					Arguments.of(
							"organization", Map.of("name", "Acme", "country", "TH", "city", "Bangkok", "address",
									"a".repeat(501), "phone", "+66 2 000 0000", "contact", Map.of("name",
											"n".repeat(201), "email", "ops@acme.example", "phone", "1".repeat(51))),
							"organization.address"));
	}

	@ParameterizedTest
	@MethodSource("oversizedOrders")
	void oversizedStringsInAnOrderAreBadRequests(String field, Object value, String named) {
		Map<String, Object> body = dvOrder(uniqueDomain(), null);
		body.put(field, value);

		assertProblem(placeOrder(reseller, body).expectBody(JsonNode.class).returnResult(), 400, "invalid-request",
				named);
		assertThat(myOrders().path("totalElements").asLong()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=1000000", "size=0", "page=-1", "page=2000000000&size=100", "size=abc" })
	void pagesOutOfBoundsAreBadRequests(String query) {
		EntityExchangeResult<JsonNode> result = call(HttpMethod.GET, reseller.key(), "/api/v1/orders?" + query, null);

		assertThat(result.getStatus().value()).as(query).isEqualTo(400);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void oversizedIdsAndQueryParametersAreBadRequestsNamingThem() {
		String id = "o".repeat(101);
		assertProblem(call(HttpMethod.GET, reseller.key(), "/api/v1/orders/" + id, null), 400, "invalid-request", "id");
		assertProblem(call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + id + "/cancel", null), 400,
				"invalid-request", "id");
		assertProblem(call(HttpMethod.GET, reseller.key(), "/api/v1/orders?domain=" + "d".repeat(254), null), 400,
				"invalid-request", "domain");
		assertProblem(
				call(HttpMethod.GET, reseller.key(), "/api/v1/dcv/approver-emails?domain=" + "d".repeat(254), null),
				400, "invalid-request", "domain");
		assertProblem(call(HttpMethod.PUT, reseller.key(), "/api/v1/products/" + "p".repeat(101) + "/prices/12",
				Map.of("retail", Map.of("amount", 1, "currency", "USD"))), 400, "invalid-request", "code");
	}

	private EntityExchangeResult<JsonNode> send(HttpMethod method, String uri, MediaType contentType, String body) {
		return send(method, uri, contentType, body, reseller.key());
	}

	private EntityExchangeResult<JsonNode> send(HttpMethod method, String uri, MediaType contentType, String body,
			String key) {
		WebTestClient.RequestBodySpec request = http.method(method).uri(uri).header("Authorization", "Bearer " + key);
		if (contentType != null) {
			request.contentType(contentType);
		}
		// bytes, so that the client adds no content type of its own
		return request.bodyValue(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();
	}

	private static void assertUnsupported(EntityExchangeResult<JsonNode> result, String detail) {
		assertProblem(result, 415, "unsupported-media-type");
		assertThat(result.getResponseBody().path("detail").asString()).isEqualTo(detail + JSON_ONLY);
	}

	private JsonNode myOrders() {
		return call(HttpMethod.GET, reseller.key(), "/api/v1/orders", null).getResponseBody();
	}

	private JsonNode rapidSsl12() {
		JsonNode products = call(HttpMethod.GET, reseller.key(), "/api/v1/products", null).getResponseBody();
		return products.valueStream()
			.filter((product) -> product.path("code").asString().equals("rapidssl-dv"))
			.flatMap((product) -> product.path("prices").valueStream())
			.filter((price) -> price.path("termMonths").asInt() == 12)
			.findFirst()
			.orElseThrow();
	}

	private JsonNode retailOfRapidSsl12() {
		return rapidSsl12().path("retail");
	}

	private JsonNode recommendedOfRapidSsl12() {
		return rapidSsl12().path("recommendedRetail");
	}

}
