package com.rvssl.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
			List<String> keys = IntStream.range(0, RESELLERS)
				.mapToObj(i -> LoadDriver.fundedReseller(stack, http, "Load Hosting " + i))
				.toList();
			List<LoadDriver.DvOrder> loadOrders = IntStream.range(0, orders)
				.parallel()
				.mapToObj(i -> LoadDriver.DvOrder
					.forDomain("load-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example.com"))
				.toList();
			Map<String, Long> idleMemory = stack.residentMemoryKib();

			List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
			Instant start = Instant.now();
			LoadDriver.placeAll(stack.url(PlatformService.ORDER) + "/api/v1/orders", keys, loadOrders, "rapidssl-dv",
					concurrency, (key, body, micros) -> latenciesMicros.add(micros));
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
					LoadDriver.percentile(latenciesMicros, 50) / 1000.0,
					LoadDriver.percentile(latenciesMicros, 95) / 1000.0,
					LoadDriver.percentile(latenciesMicros, 99) / 1000.0,
					latenciesMicros.get(latenciesMicros.size() - 1) / 1000.0);
			System.out.println("resident memory MiB (idle -> after the run):");
			idleMemory.forEach((name, kib) -> System.out.printf("  %-22s %5d -> %5d%n", name, kib / 1024,
					loadedMemory.getOrDefault(name, -1L) / 1024));
			assertThat(latenciesMicros).hasSize(orders);
		}
	}

	private static long issuedCount(LocalStack stack, PlatformClient http, String key) {
		JsonNode page = http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders?state=ISSUED&size=1", key).body();
		return page.get("totalElements").asLong();
	}

}
