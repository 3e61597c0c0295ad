package com.rvssl.order.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees what, and how a repeated create is recognised. */
class OrderAccessIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void aResellerNeverSeesAnotherResellersOrder() {
		TestReseller a = registerReseller();
		TestReseller b = registerReseller();
		String domain = uniqueDomain();
		String orderId = place(a, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)), null)
			.getResponseBody()
			.path("id")
			.asString();

		http.get()
			.uri("/api/v1/orders/{id}", orderId)
			.header("Authorization", "Bearer " + b.key())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.post()
			.uri("/api/v1/orders/{id}/cancel", orderId)
			.header("Authorization", "Bearer " + b.key())
			.exchange()
			.expectStatus()
			.isNotFound();
		http.get()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + b.key())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalElements")
			.isEqualTo(0);

		http.get()
			.uri("/api/v1/orders?domain={domain}", domain)
			.header("Authorization", "Bearer " + a.key())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalElements")
			.isEqualTo(1)
			.jsonPath("$.content[0].id")
			.isEqualTo(orderId);
		http.get()
			.uri("/api/v1/orders/{id}", orderId)
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.resellerId")
			.isEqualTo(a.id());
	}

	@Test
	void callsWithoutAValidKeyAreUnauthorized() {
		http.get()
			.uri("/api/v1/orders")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.title")
			.isEqualTo("Unauthorized")
			.jsonPath("$.properties")
			.doesNotExist();
		http.get()
			.uri("/api/v1/products")
			.header("Authorization", "Bearer not-a-key")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void theListIsNewestFirstAndFiltersByState() {
		TestReseller reseller = registerReseller();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Map<String, Object> body = new HashMap<>(dvOrder(uniqueDomain(), null));
			body.remove("dcv");
			ids.add(place(reseller, body, null).getResponseBody().path("id").asString());
		}
		http.get()
			.uri("/api/v1/orders?state=AWAITING_CONFIGURATION&page=0&size=2")
			.header("Authorization", "Bearer " + reseller.key())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalElements")
			.isEqualTo(3)
			.jsonPath("$.size")
			.isEqualTo(2)
			.jsonPath("$.content.length()")
			.isEqualTo(2)
			.jsonPath("$.content[0].id")
			.isEqualTo(ids.get(2))
			.jsonPath("$.content[1].id")
			.isEqualTo(ids.get(1));
		http.get()
			.uri("/api/v1/orders?state=ISSUED")
			.header("Authorization", "Bearer " + reseller.key())
			.exchange()
			.expectBody()
			.jsonPath("$.totalElements")
			.isEqualTo(0);
	}

	@Test
	void theSameIdempotencyKeyAndBodyReturnTheSameOrderAndADifferentBodyIsRefused() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		Map<String, Object> body = dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));

		EntityExchangeResult<JsonNode> first = place(reseller, body, "whmcs-42");
		EntityExchangeResult<JsonNode> second = place(reseller, body, "whmcs-42");
		assertThat(first.getStatus().value()).isEqualTo(201);
		assertThat(second.getStatus().value()).isEqualTo(200);
		assertThat(second.getResponseBody().path("id").asString())
			.isEqualTo(first.getResponseBody().path("id").asString());

		Map<String, Object> other = new HashMap<>(body);
		other.put("termMonths", 24);
		EntityExchangeResult<JsonNode> conflict = place(reseller, other, "whmcs-42");
		assertThat(conflict.getStatus().value()).isEqualTo(422);
		assertThat(conflict.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(countOrders(reseller)).isEqualTo(1);
	}

	@Test
	void twentyConcurrentCreatesWithOneIdempotencyKeyMakeOneOrder() throws Exception {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		Map<String, Object> body = dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<EntityExchangeResult<JsonNode>>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return place(reseller, body, "burst-1");
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			for (Future<EntityExchangeResult<JsonNode>> result : results) {
				EntityExchangeResult<JsonNode> response = result.get(60, TimeUnit.SECONDS);
				statuses.add(response.getStatus().value());
				ids.add(response.getResponseBody().path("id").asString());
			}
			assertThat(statuses).containsOnly(201, 200).containsOnlyOnce(201);
			assertThat(ids).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(countOrders(reseller)).isEqualTo(1);
	}

	private EntityExchangeResult<JsonNode> place(TestReseller reseller, Map<String, Object> body, String key) {
		return http.post()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + reseller.key())
			.headers((headers) -> {
				if (key != null) {
					headers.set("Idempotency-Key", key);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(body))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();
	}

	private long countOrders(TestReseller reseller) {
		return orders.page(reseller.id(), null, null, 0, 100)
			.map((page) -> page.totalElements())
			.block(java.time.Duration.ofSeconds(5));
	}

}
