package com.rvssl.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

import com.rvssl.kit.test.TestCertificates;

import static org.awaitility.Awaitility.await;

/**
 * What the load runs share: resellers funded by the operator, and DV orders placed
 * through the public API by a bounded number of concurrent clients, each order's CSR made
 * before the clock starts.
 */
final class LoadDriver {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How many times an order answered 503 or 429 is sent in all. */
	private static final int ATTEMPTS = 10;

	private LoadDriver() {
	}

	/**
	 * A new reseller with ample credit (a bank transfer the operator records); its key.
	 */
	static String fundedReseller(LocalStack stack, PlatformClient http, String name) {
		PlatformClient.Reply created = http.post(stack.url(PlatformService.BILLING) + "/api/v1/admin/resellers",
				stack.credentials().operatorKey(), Map.of("name", name, "currency", "USD"), Map.of());
		String key = created.body().get("apiKey").asString();
		String resellerId = created.body().get("resellerId").asString();
		http.post(stack.url(PlatformService.BILLING) + "/api/v1/admin/resellers/" + resellerId + "/top-ups",
				stack.credentials().operatorKey(),
				Map.of("amount", Map.of("amount", 100_000_000L, "currency", "USD"), "reference", "load"),
				Map.of("Idempotency-Key", "load-credit"));
		// order-service learns the key from billing's event
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders", key).status() == 200);
		return key;
	}

	/** One DV order to place: its domain and CSR. */
	record DvOrder(String domain, String csr) {

		static DvOrder forDomain(String domain) {
			return new DvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));
		}

		String body(String product, String whmcsServiceId) {
			return JSON.writeValueAsString(
					Map.of("productCode", product, "termMonths", 12, "domains", List.of(domain), "whmcsServiceId",
							whmcsServiceId, "customer", Map.of("name", "Load", "email", "load@customer.example"), "csr",
							csr, "dcv", Map.of("method", "EMAIL", "approverEmail", "admin@" + domain)));
		}

	}

	/**
	 * Called for each order the API accepted: by whose key, its body, how long it took.
	 */
	interface Accepted {

		void accept(String key, String body, long micros);

	}

	/**
	 * Places the orders round-robin over the resellers' keys, at most {@code concurrency}
	 * in flight. As a WHMCS client would, an order answered 503 or 429 is sent again with
	 * the same Idempotency-Key after the Retry-After the API gave (up to
	 * {@link #ATTEMPTS} times); the latency counts from the first try. Other refusals are
	 * printed.
	 * @return how many orders the API accepted
	 */
	static int placeAll(String url, List<String> keys, List<DvOrder> orders, String product, int concurrency,
			Accepted accepted) throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		Semaphore inFlight = new Semaphore(concurrency);
		AtomicInteger retried = new AtomicInteger();
		AtomicInteger placed = new AtomicInteger();
		List<CompletableFuture<?>> all = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			String key = keys.get(i % keys.size());
			String body = orders.get(i).body(product, product + "-" + i);
			inFlight.acquire();
			long begin = System.nanoTime();
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			all.add(send(client, request, 1, retried).whenComplete((response, error) -> {
				inFlight.release();
				if (error == null && response.statusCode() == 201) {
					placed.incrementAndGet();
					accepted.accept(key, response.body(), (System.nanoTime() - begin) / 1000);
				}
				else {
					System.err.println("order refused: " + (error != null ? error : response.body()));
				}
			}));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
		if (retried.get() > 0) {
			System.out.printf("[load] %,d answers of 503 or 429 among %,d orders, each order sent again%n",
					retried.get(), orders.size());
		}
		return placed.get();
	}

	private static CompletableFuture<HttpResponse<String>> send(HttpClient client, HttpRequest request, int attempt,
			AtomicInteger retried) {
		return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose((response) -> {
			boolean busy = response.statusCode() == 503 || response.statusCode() == 429;
			if (!busy || attempt == ATTEMPTS) {
				return CompletableFuture.completedFuture(response);
			}
			retried.incrementAndGet();
			long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
			return CompletableFuture
				.supplyAsync(() -> request, CompletableFuture.delayedExecutor(Math.max(1, seconds), TimeUnit.SECONDS))
				.thenCompose((again) -> send(client, again, attempt + 1, retried));
		});
	}

	/** The value at the percentile of sorted values. */
	static double percentile(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

}
