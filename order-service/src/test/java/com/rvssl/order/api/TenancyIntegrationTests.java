package com.rvssl.order.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two resellers over every endpoint: neither ever sees or changes the other's orders,
 * prices or settings.
 */
class TenancyIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void twoResellersNeverSeeOrChangeEachOthersOrdersPricesOrSettings() {
		TestReseller alice = registerReseller();
		TestReseller bob = registerReseller();
		String domain = uniqueDomain();
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), domain);

		// Alice's own prices and settings
		call(HttpMethod.PUT, alice.key(), "/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", 2222, "currency", "USD")));
		call(HttpMethod.PUT, alice.key(), "/api/v1/settings/auto-order", Map.of("mode", "MANUAL"));

		// an order of Alice's held for approval, one issued, one awaiting configuration
		String held = placed(alice, dvOrder(domain, csr));
		String issuedDomain = uniqueDomain();
		call(HttpMethod.PUT, alice.key(), "/api/v1/settings/auto-order", Map.of("mode", "AUTOMATIC"));
		String issued = placed(alice,
				dvOrder(issuedDomain, TestCertificates.csr(TestCertificates.rsa2048(), issuedDomain)));
		issue(alice, issued, issuedDomain);
		Map<String, Object> unconfigured = dvOrder(uniqueDomain(), null);
		unconfigured.remove("dcv");
		String open = placed(alice, unconfigured);
		call(HttpMethod.PUT, alice.key(), "/api/v1/settings/auto-order", Map.of("mode", "MANUAL"));
		List<JsonNode> before = List.of(order(alice, held), order(alice, issued), order(alice, open));

		// Bob's prices and settings are his own
		JsonNode bobsRapid = ApiWalkIntegrationTests
			.product(call(HttpMethod.GET, bob.key(), "/api/v1/products", null).getResponseBody(), "rapidssl-dv");
		assertThat(bobsRapid.at("/prices/0/retail/amount").asLong()).isEqualTo(1999);
		assertThat(call(HttpMethod.GET, bob.key(), "/api/v1/settings/auto-order", null).getResponseBody()
			.path("mode")
			.asString()).isEqualTo("AUTOMATIC");
		call(HttpMethod.PUT, bob.key(), "/api/v1/products/rapidssl-dv/prices/12",
				Map.of("retail", Map.of("amount", 100, "currency", "USD")));
		call(HttpMethod.DELETE, bob.key(), "/api/v1/products/rapidssl-dv/prices/12", null);
		call(HttpMethod.DELETE, bob.key(), "/api/v1/prices", null);
		call(HttpMethod.PUT, bob.key(), "/api/v1/settings/auto-order", Map.of("mode", "ON_RESELLER_APPROVAL"));

		// every order endpoint answers Bob 404 for Alice's orders
		String reissueCsr = TestCertificates.csr(TestCertificates.rsa2048(), issuedDomain);
		for (String id : List.of(held, issued, open)) {
			String base = "/api/v1/orders/" + id;
			notFound(call(HttpMethod.GET, bob.key(), base, null));
			notFound(call(HttpMethod.PUT, bob.key(), base + "/configuration",
					Map.of("csr", csr, "dcv", Map.of("method", "DNS"))));
			notFound(call(HttpMethod.POST, bob.key(), base + "/approve", null));
			notFound(call(HttpMethod.POST, bob.key(), base + "/cancel", null));
			notFound(call(HttpMethod.POST, bob.key(), base + "/reissue", Map.of("csr", reissueCsr)));
			notFound(call(HttpMethod.POST, bob.key(), base + "/dcv/resend", null));
			notFound(call(HttpMethod.GET, bob.key(), base + "/certificate?format=pem", null));
			notFound(http.get()
				.uri(base + "/events")
				.header("Authorization", "Bearer " + bob.key())
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult());
		}
		String bobsDomain = uniqueDomain();
		String bobsOrder = placed(bob,
				dvOrder(bobsDomain, TestCertificates.csr(TestCertificates.rsa2048(), bobsDomain)));
		JsonNode bobsList = call(HttpMethod.GET, bob.key(), "/api/v1/orders?domain=" + domain, null).getResponseBody();
		assertThat(bobsList.path("totalElements").asLong()).isZero();
		assertThat(call(HttpMethod.GET, bob.key(), "/api/v1/orders?size=100", null).getResponseBody()
			.path("content")
			.valueStream()
			.map((order) -> order.path("id").asString())).containsExactly(bobsOrder);
		assertThat(call(HttpMethod.GET, alice.key(), "/api/v1/orders/" + bobsOrder, null).getStatus().value())
			.isEqualTo(404);

		// nothing of Alice's changed
		List<JsonNode> after = List.of(order(alice, held), order(alice, issued), order(alice, open));
		for (int i = 0; i < before.size(); i++) {
			assertThat(after.get(i).path("state")).isEqualTo(before.get(i).path("state"));
			assertThat(after.get(i).path("timeline")).isEqualTo(before.get(i).path("timeline"));
		}
		JsonNode alicesRapid = ApiWalkIntegrationTests
			.product(call(HttpMethod.GET, alice.key(), "/api/v1/products", null).getResponseBody(), "rapidssl-dv");
		assertThat(alicesRapid.at("/prices/0/retail/amount").asLong()).isEqualTo(2222);
		assertThat(call(HttpMethod.GET, alice.key(), "/api/v1/settings/auto-order", null).getResponseBody()
			.path("mode")
			.asString()).isEqualTo("MANUAL");
		// and no event for Alice's orders beyond those her own calls and the test's
		// issuance caused
		List<EventEnvelope> heldEvents = await().atMost(5, TimeUnit.SECONDS)
			.until(() -> events().orderEvents(held), (found) -> true);
		assertThat(heldEvents).isEmpty();

		// Alice still works her own orders: the held one is hers to approve
		assertThat(call(HttpMethod.POST, alice.key(), "/api/v1/orders/" + held + "/approve", null).getResponseBody()
			.path("state")
			.asString()).isEqualTo("PLACED");
	}

	private static void notFound(EntityExchangeResult<JsonNode> result) {
		assertThat(result.getStatus().value()).as("%s %s", result.getMethod(), result.getUrl()).isEqualTo(404);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponseBody().path("type").asString()).endsWith("/order-not-found");
	}

}
