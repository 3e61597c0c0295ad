package com.rvssl.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A load run of the whole local stack in its load profile, not a test of speed: it prints
 * figures for the README. Orders per second from the first POST to the last "Issued" (the
 * sandbox CA approving DV at once), the order API's latency percentiles, and per order
 * the database commands, documents examined, Kafka records and CPU seconds of each
 * process; the CPU the idle stack uses; each process's resident memory.
 * <p>
 * With {@code -Dbenchmark.past-orders=N} it runs twice, each time on a fresh stack: once
 * with no history and once with N issued orders copied into every service's database
 * first ({@link PastOrders}), and prints the ratio of the two throughputs. Each run first
 * places and waits for {@code benchmark.warm-up} orders (the JIT's warm-up, and the
 * template of the copies). Run it with:
 * {@code mvn -B -pl local-stack verify -Dit.test=PlatformLoadBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.orders=10000
 * -Dbenchmark.past-orders=100000} after the modules are built; it is not part of
 * {@code mvn verify} (its name matches no test pattern).
 */
class PlatformLoadBenchmark {

	private final int resellers = Integer.getInteger("benchmark.resellers", 50);

	private final int orders = Integer.getInteger("benchmark.orders", 10_000);

	private final int concurrency = Integer.getInteger("benchmark.concurrency", 64);

	private final int warmUp = Integer.getInteger("benchmark.warm-up", 1_000);

	private final int pastOrders = Integer.getInteger("benchmark.past-orders", 0);

	private final Duration idle = Duration.ofSeconds(Integer.getInteger("benchmark.idle-seconds", 60));

	@Test
	void ordersFlowFromPlacementToIssuedUnderLoad() throws Exception {
		Figures fresh = run(0);
		if (pastOrders > 0) {
			Figures withHistory = run(pastOrders);
			System.out.printf("%n=== throughput with %,d past orders / with none: %.2f / %.2f orders/s = %.2f ===%n",
					pastOrders, withHistory.ordersPerSecond(), fresh.ordersPerSecond(),
					withHistory.ordersPerSecond() / fresh.ordersPerSecond());
		}
	}

	private Figures run(int past) throws Exception {
		Path platformDir = Path.of(System.getProperty("rvssl.platform.dir", "..")).toAbsolutePath().normalize();
		Path dataDir = Path.of("target", "load-stack-" + System.currentTimeMillis()).toAbsolutePath();
		try (LocalStack stack = LocalStack.start(
				new StackSettings(platformDir, dataDir, false, StackSettings.Ports.free(), Duration.ZERO),
				StackProfile.LOAD); IssuedOrders issuedOrders = IssuedOrders.follow(stack)) {
			PlatformClient http = new PlatformClient();
			// several resellers, as in real traffic: each API key has its own rate limit
			List<String> keys = IntStream.range(0, resellers)
				.mapToObj(i -> LoadDriver.fundedReseller(stack, http, "Load Hosting " + i))
				.toList();
			String url = stack.url(PlatformService.ORDER) + "/api/v1/orders";
			int warmedUp = LoadDriver.placeAll(url, keys, dvOrders(warmUp, "warm"), "rapidssl-dv", concurrency,
					(k, b, m) -> {
					});
			awaitIssued(issuedOrders, warmedUp);
			if (past > 0) {
				long begin = System.nanoTime();
				Map<String, Long> inserted = PastOrders.seed(stack, warmUp, past / warmUp);
				System.out.printf("%n[load] %,d past orders copied in %.0f s: %s%n", past,
						(System.nanoTime() - begin) / 1e9, inserted);
			}
			long issuedBefore = issuedOrders.count();
			Map<String, Double> idleCpu = idleCpu(stack);
			List<LoadDriver.DvOrder> loadOrders = dvOrders(orders, "load");
			Map<String, Long> idleMemory = stack.residentMemoryKib();

			Snapshot before = Snapshot.take(stack);
			List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
			Instant start = Instant.now();
			int accepted = LoadDriver.placeAll(url, keys, loadOrders, "rapidssl-dv", concurrency,
					(key, body, micros) -> latenciesMicros.add(micros));
			Instant placed = Instant.now();
			assertThat(accepted).as("orders accepted").isEqualTo(orders);
			awaitIssued(issuedOrders, issuedBefore + orders);
			Instant issued = Instant.now();
			Snapshot after = Snapshot.take(stack);
			Map<String, Long> loadedMemory = stack.residentMemoryKib();

			Collections.sort(latenciesMicros);
			double seconds = Duration.between(start, issued).toMillis() / 1000.0;
			Figures figures = new Figures(orders / seconds);
			System.out.printf(
					"%n=== RVssl load run: %,d orders from %d resellers, %d clients, %,d past orders, %d cores, %s ===%n",
					orders, resellers, concurrency, past, Runtime.getRuntime().availableProcessors(),
					System.getProperty("os.name"));
			System.out.printf("placed in %.1f s (%.1f orders/s accepted)%n",
					Duration.between(start, placed).toMillis() / 1000.0,
					orders / (Duration.between(start, placed).toMillis() / 1000.0));
			System.out.printf("all issued after %.1f s: %.2f orders/s through the whole pipeline%n", seconds,
					figures.ordersPerSecond());
			System.out.printf("POST /api/v1/orders latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
					LoadDriver.percentile(latenciesMicros, 50) / 1000.0,
					LoadDriver.percentile(latenciesMicros, 95) / 1000.0,
					LoadDriver.percentile(latenciesMicros, 99) / 1000.0,
					latenciesMicros.get(latenciesMicros.size() - 1) / 1000.0);
			after.printPerOrder(before, orders);
			System.out.printf("idle before the run: the whole stack used %.1f%% of one core over %d s (%s)%n",
					total(idleCpu) * 100 / idle.toSeconds(), idle.toSeconds(),
					idleCpu.entrySet()
						.stream()
						.map(entry -> String.format("%s %.1f%%", entry.getKey(),
								entry.getValue() * 100 / idle.toSeconds()))
						.collect(Collectors.joining(", ")));
			System.out.println("resident memory MiB (idle -> after the run):");
			idleMemory.forEach((name, kib) -> System.out.printf("  %-22s %5d -> %5d%n", name, kib / 1024,
					loadedMemory.getOrDefault(name, -1L) / 1024));
			return figures;
		}
	}

	/**
	 * CPU seconds each process of the stack (this JVM included) uses over {@link #idle}
	 * with no order placed.
	 */
	private Map<String, Double> idleCpu(LocalStack stack) {
		// a few seconds for the warm-up's (or the copy's) last events and collections
		Pause.sleep(Duration.ofSeconds(15));
		Map<String, Double> before = stack.cpuSeconds();
		Pause.sleep(idle);
		Map<String, Double> used = new java.util.LinkedHashMap<>();
		stack.cpuSeconds().forEach((name, seconds) -> used.put(name, seconds - before.getOrDefault(name, 0.0)));
		return used;
	}

	private static double total(Map<String, Double> cpu) {
		return cpu.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	private static List<LoadDriver.DvOrder> dvOrders(int count, String prefix) {
		return IntStream.range(0, count)
			.parallel()
			.mapToObj(i -> LoadDriver.DvOrder
				.forDomain(prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example.com"))
			.toList();
	}

	private static void awaitIssued(IssuedOrders issuedOrders, long count) {
		await().atMost(Duration.ofMinutes(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> issuedOrders.count() >= count);
	}

	private record Figures(double ordersPerSecond) {
	}

	/** The stack's counters at one moment. */
	private record Snapshot(Map<String, Double> cpu, Map<PlatformService, Long> commands,
			Map<String, Long> commandKinds, Map<String, Long> examined, long kafkaRecords) {

		static Snapshot take(LocalStack stack) throws InterruptedException, ExecutionException {
			return new Snapshot(stack.cpuSeconds(), stack.databaseCommands(), stack.databaseCommandKinds(),
					stack.documentsExamined(), kafkaRecords(stack));
		}

		/**
		 * Records written to every topic so far: the sum of the partitions' end offsets.
		 */
		private static long kafkaRecords(LocalStack stack) throws InterruptedException, ExecutionException {
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
				Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(admin.listTopics().names().get())
					.allTopicNames()
					.get()
					.values()
					.stream()
					.flatMap(topic -> topic.partitions()
						.stream()
						.map(partition -> new TopicPartition(topic.name(), partition.partition())))
					.collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
				return admin.listOffsets(partitions)
					.all()
					.get()
					.values()
					.stream()
					.mapToLong(offsets -> offsets.offset())
					.sum();
			}
		}

		void printPerOrder(Snapshot before, int orders) {
			long allCommands = commands.values().stream().mapToLong(Long::longValue).sum()
					- before.commands.values().stream().mapToLong(Long::longValue).sum();
			System.out.printf("per order: %.1f database commands (%s), %.1f Kafka records%n",
					(double) allCommands / orders,
					commands.entrySet()
						.stream()
						.map(entry -> String.format("%s %.1f", entry.getKey().module(),
								(double) (entry.getValue() - before.commands.getOrDefault(entry.getKey(), 0L))
										/ orders))
						.collect(Collectors.joining(", ")),
					(double) (kafkaRecords - before.kafkaRecords) / orders);
			System.out.println("database commands per order, by collection and command (0.1 or more):");
			commandKinds.entrySet()
				.stream()
				.map(entry -> Map.entry(entry.getKey(),
						(double) (entry.getValue() - before.commandKinds.getOrDefault(entry.getKey(), 0L)) / orders))
				.filter(entry -> entry.getValue() >= 0.1)
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.forEach(entry -> System.out.printf("  %-58s %5.1f%n", entry.getKey(), entry.getValue()));
			long allExamined = examined.values().stream().mapToLong(Long::longValue).sum()
					- before.examined.values().stream().mapToLong(Long::longValue).sum();
			System.out.printf("per order: %.1f documents examined by the database's queries; by collection:%n",
					(double) allExamined / orders);
			examined.forEach((collection, count) -> {
				long delta = count - before.examined.getOrDefault(collection, 0L);
				if (delta > 0) {
					System.out.printf("  %-40s %9.1f%n", collection, (double) delta / orders);
				}
			});
			System.out.println("CPU ms per order, by process:");
			cpu.forEach((name, seconds) -> System.out.printf("  %-22s %7.1f%n", name,
					(seconds - before.cpu.getOrDefault(name, 0.0)) * 1000 / orders));
			System.out.printf("  %-22s %7.1f%n", "all", (total(cpu) - total(before.cpu)) * 1000 / orders);
		}

	}

}
