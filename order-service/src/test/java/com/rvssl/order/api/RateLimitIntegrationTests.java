package com.rvssl.order.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.PathBypassAssertions;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One key flooding the API gets 429 with Retry-After, in whatever shape it writes the
 * path; other keys are not slowed by it.
 */
class RateLimitIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void aKeyOverItsRateGets429WithRetryAfterWhileAnotherKeyIsServed() throws Exception {
		TestReseller flooder = registerReseller();
		TestReseller neighbour = registerReseller();

		List<EntityExchangeResult<JsonNode>> results = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<EntityExchangeResult<JsonNode>>> calls = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				calls.add(pool.submit(() -> call(HttpMethod.GET, flooder.key(), "/api/v1/settings/auto-order", null)));
			}
			for (Future<EntityExchangeResult<JsonNode>> call : calls) {
				results.add(call.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(results).anySatisfy((result) -> assertThat(result.getStatus().value()).isEqualTo(200));
		EntityExchangeResult<JsonNode> limited = results.stream()
			.filter((result) -> result.getStatus().value() == 429)
			.findFirst()
			.orElseThrow(() -> new AssertionError("200 calls at once were never limited"));
		assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Long.parseLong(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(limited.getResponseBody().path("type").asString()).endsWith("/rate-limited");
		assertThat(limited.getResponseBody().path("status").asInt()).isEqualTo(429);

		assertThat(call(HttpMethod.GET, neighbour.key(), "/api/v1/settings/auto-order", null).getStatus().value())
			.isEqualTo(200);
	}

	@Test
	void anotherShapeOfTheSamePathIsLimitedOrRefusedNeverFree() throws Exception {
		TestReseller flooder = registerReseller();

		List<Integer> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				calls.add(pool.submit(() -> PathBypassAssertions
					.send(http, HttpMethod.GET, "/%61pi/v1/settings/auto-order", flooder.key(), null)
					.getStatus()
					.value()));
			}
			for (Future<Integer> call : calls) {
				statuses.add(call.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(statuses).as("the encoded shape takes from the key's bucket").contains(429);
		assertThat(statuses).containsOnly(200, 429);
		// shapes that are not normalized never reach the API, limited or not
		assertThat(PathBypassAssertions.send(http, HttpMethod.GET, "/api;x/v1/settings/auto-order", flooder.key(), null)
			.getStatus()
			.value()).isEqualTo(400);
		assertThat(PathBypassAssertions.send(http, HttpMethod.GET, "//api/v1/settings/auto-order", flooder.key(), null)
			.getStatus()
			.value()).isEqualTo(400);
	}

}
