package com.rvssl.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.rvssl.kit.test.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A load run of the whole local stack, not a test of speed: it prints figures for the
 * README. Orders per second from the first POST to the last "Issued" (the sandbox CA
 * approving DV at once), the order API's latency percentiles under that load, and each
 * process's resident memory. Run it with:
 * {@code mvn -B -pl local-stack verify -Dit.test=PlatformLoadBenchmark
 * -Dbenchmark.orders=300 -Dbenchmark.concurrency=16} after the modules are built; it is
 * not part of {@code mvn verify} (its name matches no test pattern).
 */
class PlatformLoadBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int RESELLERS = 10;

	private final int orders = Integer.getInteger("benchmark.orders", 300);

	private final int concurrency = Integer.getInteger("benchmark.concurrency", 16);

	@Test
	void ordersFlowFromPlacementToIssuedUnderLoad() throws Exception {
		Path platformDir = Path.of(System.getProperty("rvssl.platform.dir", "..")).toAbsolutePath().normalize();
		Path dataDir = Path.of("target", "load-stack-" + System.currentTimeMillis()).toAbsolutePath();
		try (LocalStack stack = LocalStack
			.start(new StackSettings(platformDir, dataDir, false, StackSettings.Ports.free(), Duration.ZERO))) {
			PlatformClient http = new PlatformClient();
			// several resellers, as in real traffic: each API key has its own rate limit
			List<String> keys = IntStream.range(0, RESELLERS).mapToObj(i -> fundedReseller(stack, http, i)).toList();
			List<LoadOrder> loadOrders = IntStream.range(0, orders)
				.parallel()
				.mapToObj(i -> LoadOrder
					.forDomain("load-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example.com"))
				.toList();
			Map<String, Long> idleMemory = stack.residentMemoryKib();

			List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
			Instant start = Instant.now();
			placeAll(stack.url(PlatformService.ORDER) + "/api/v1/orders", keys, loadOrders, latenciesMicros);
			Instant placed = Instant.now();
			await().atMost(Duration.ofMinutes(15))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> keys.stream().mapToLong(key -> issuedCount(stack, http, key)).sum() >= orders);
			Instant issued = Instant.now();
			Map<String, Long> loadedMemory = stack.residentMemoryKib();

			Collections.sort(latenciesMicros);
			double seconds = Duration.between(start, issued).toMillis() / 1000.0;
			System.out.printf(
					"%n=== RVssl load run: %d orders from %d resellers, %d concurrent clients, %d cores, %s ===%n",
					orders, RESELLERS, concurrency, Runtime.getRuntime().availableProcessors(),
					System.getProperty("os.name"));
			System.out.printf("placed in %.1f s (%.1f orders/s accepted)%n",
					Duration.between(start, placed).toMillis() / 1000.0,
					orders / (Duration.between(start, placed).toMillis() / 1000.0));
			System.out.printf("all issued after %.1f s: %.2f orders/s through the whole pipeline%n", seconds,
					orders / seconds);
			System.out.printf("POST /api/v1/orders latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
					percentile(latenciesMicros, 50), percentile(latenciesMicros, 95), percentile(latenciesMicros, 99),
					latenciesMicros.get(latenciesMicros.size() - 1) / 1000.0);
			System.out.println("resident memory MiB (idle -> after the run):");
			idleMemory.forEach((name, kib) -> System.out.printf("  %-22s %5d -> %5d%n", name, kib / 1024,
					loadedMemory.getOrDefault(name, -1L) / 1024));
			assertThat(latenciesMicros).hasSize(orders);
		}
	}

	private String fundedReseller(LocalStack stack, PlatformClient http, int number) {
		PlatformClient.Reply created = http.post(stack.url(PlatformService.BILLING) + "/api/v1/admin/resellers",
				stack.credentials().operatorKey(), Map.of("name", "Load Hosting " + number, "currency", "USD"),
				Map.of());
		String key = created.body().get("apiKey").asString();
		String resellerId = created.body().get("resellerId").asString();
		// the operator records a bank transfer: credit at once
		http.post(stack.url(PlatformService.BILLING) + "/api/v1/admin/resellers/" + resellerId + "/top-ups",
				stack.credentials().operatorKey(),
				Map.of("amount", Map.of("amount", 100_000_000L, "currency", "USD"), "reference", "load"),
				Map.of("Idempotency-Key", "load-credit"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders", key).status() == 200);
		return key;
	}

	private void placeAll(String url, List<String> keys, List<LoadOrder> loadOrders, List<Long> latenciesMicros)
			throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Semaphore inFlight = new Semaphore(concurrency);
		List<CompletableFuture<?>> all = new ArrayList<>();
		for (int i = 0; i < loadOrders.size(); i++) {
			String domain = "load-" + i;
			String key = keys.get(i % keys.size());
			LoadOrder order = loadOrders.get(i);
			String body = JSON.writeValueAsString(Map.of("productCode", "rapidssl-dv", "termMonths", 12, "domains",
					List.of(order.domain()), "whmcsServiceId", domain, "customer",
					Map.of("name", "Load", "email", "load@customer.example"), "csr", order.csr(), "dcv",
					Map.of("method", "EMAIL", "approverEmail", "admin@" + order.domain())));
			inFlight.acquire();
			long begin = System.nanoTime();
			all.add(client
				.sendAsync(HttpRequest.newBuilder(URI.create(url))
					.header("Authorization", "Bearer " + key)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, error) -> {
					inFlight.release();
					if (error == null && response.statusCode() == 201) {
						latenciesMicros.add((System.nanoTime() - begin) / 1000);
					}
					else {
						System.err.println("order refused: " + (error != null ? error : response.body()));
					}
				}));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
	}

	/** One order's domain and its CSR, made before the clock starts. */
	private record LoadOrder(String domain, String csr) {

		static LoadOrder forDomain(String domain) {
			return new LoadOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));
		}

	}

	private static long issuedCount(LocalStack stack, PlatformClient http, String key) {
		JsonNode page = http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders?state=ISSUED&size=1", key).body();
		return page.get("totalElements").asLong();
	}

	private static double percentile(List<Long> sortedMicros, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
		return sortedMicros.get(Math.max(0, index)) / 1000.0;
	}

}
