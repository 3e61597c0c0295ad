package com.rvssl.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CA's API budget spent by a run of DV orders, not a test of speed: it prints figures
 * for the README. The local stack in its default profile (the sandbox enforcing
 * DigiCert's request limits, the gateway's budget per CA, DV approved at once), N
 * DigiCert-style orders and then N Sectigo-style ones placed through the public API; for
 * each CA: the CA calls per issued order by operation (the sandbox's own count), orders
 * per second against the budget's ceiling, the 429 answers, and the time from the CA's
 * issuance (the certificate's notBefore, whole seconds) to "Issued" in the order's views
 * (the order's {@code updatedAt}: the three views are one document, they change
 * together), p50 and p99. With {@code -Dbenchmark.pushes=false} the sandbox drops every
 * push, so the figures are the polling fallback's ({@code -Dbenchmark.cas=digicert}: the
 * CAs to run). Run it with:
 * {@code mvn -B -pl local-stack verify -Dit.test=CaBudgetBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.orders=1000} after the modules are
 * built; it is not part of {@code mvn verify} (its name matches no test pattern).
 */
class CaBudgetBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int RESELLERS = 10;

	private final int orders = Integer.getInteger("benchmark.orders", 200);

	private final int concurrency = Integer.getInteger("benchmark.concurrency", 16);

	private final boolean pushes = Boolean.parseBoolean(System.getProperty("benchmark.pushes", "true"));

	/**
	 * The CAs to run, comma-separated: without pushes a Sectigo-style order waits for
	 * Sectigo's three-hour minimum between reads, so a pushes-off run names digicert
	 * only.
	 */
	private final List<String> cas = List.of(System.getProperty("benchmark.cas", "digicert,sectigo").split(","));

	/** The CAs in the order they run, with a DV product of each and its budget. */
	private static final List<Phase> PHASES = List.of(
			// the sandbox's DigiCert limits (sandbox-ca.yml): 100 requests per 5 s and
			// 1,000 per 5 min, of which the long window binds a steady run
			new Phase("digicert", "rapidssl-dv", 1000.0 / 300,
					"1,000 requests per 5 min (the sandbox's DigiCert limit)"),
			// the sandbox sets Sectigo no request limit: the gateway's own limiter is the
			// budget (resilience4j.ratelimiter.instances.sectigo)
			new Phase("sectigo", "positivessl-dv", 10.0, "10 requests per second (the gateway's Sectigo limiter)"));

	@Test
	void eachCasOrdersSpendItsBudgetAtItsPace() throws Exception {
		Path platformDir = Path.of(System.getProperty("rvssl.platform.dir", "..")).toAbsolutePath().normalize();
		Path dataDir = Path.of("target", "budget-stack-" + System.currentTimeMillis()).toAbsolutePath();
		try (LocalStack stack = LocalStack
			.start(new StackSettings(platformDir, dataDir, false, StackSettings.Ports.free(), Duration.ZERO))) {
			PlatformClient http = new PlatformClient();
			List<String> keys = IntStream.range(0, RESELLERS)
				.mapToObj(i -> LoadDriver.fundedReseller(stack, http, "Budget Hosting " + i))
				.toList();
			System.out.printf(
					"%n=== RVssl CA budget run: %d DV orders per CA from %d resellers, %d clients, pushes %s,"
							+ " %d cores ===%n",
					orders, RESELLERS, concurrency, pushes ? "on" : "dropped by the sandbox",
					Runtime.getRuntime().availableProcessors());
			List<Phase> phases = PHASES.stream().filter(phase -> cas.contains(phase.ca())).toList();
			for (int i = 0; i < phases.size(); i++) {
				// the phases share the resellers: each waits for its orders on top of the
				// earlier phases'
				run(stack, http, keys, phases.get(i), (long) (i + 1) * orders);
			}
		}
	}

	private void run(LocalStack stack, PlatformClient http, List<String> keys, Phase phase, long issuedInAll)
			throws Exception {
		String sandbox = stack.sandboxUrl() + "/sandbox";
		if (!pushes) {
			assertThat(http.post(sandbox + "/push", null, Map.of("api", phase.ca(), "mode", "DROP"), Map.of()).status())
				.isEqualTo(200);
		}
		List<LoadDriver.DvOrder> dvOrders = IntStream.range(0, orders)
			.parallel()
			.mapToObj(i -> LoadDriver.DvOrder
				.forDomain(phase.ca() + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example.com"))
			.toList();
		assertThat(http.delete(sandbox + "/calls", null).status()).isEqualTo(204);

		Instant start = Instant.now();
		List<Placed> placed = Collections.synchronizedList(new ArrayList<>());
		LoadDriver.placeAll(stack.url(PlatformService.ORDER) + "/api/v1/orders", keys, dvOrders, phase.product(),
				concurrency,
				(key, body, micros) -> placed.add(new Placed(key, JSON.readTree(body).get("id").asString())));
		assertThat(placed).as("orders accepted").hasSize(orders);
		Instant allPlaced = Instant.now();
		await().atMost(Duration.ofMinutes(40))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> issued(stack, http, keys) >= issuedInAll);
		JsonNode calls = http.get(sandbox + "/calls", null).body();

		List<Long> lagMillis = new ArrayList<>();
		List<Long> lagAfterPlacing = new ArrayList<>();
		List<Long> toStatusSync = new ArrayList<>();
		List<Long> toViews = new ArrayList<>();
		int checkedAgain = 0;
		Instant lastIssued = start;
		for (Placed order : placed) {
			JsonNode view = http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders/" + order.id(), order.key())
				.body();
			Instant shown = Instant.parse(view.get("updatedAt").asString());
			JsonNode atCa = http.get(sandbox + "/orders/" + view.get("caOrderId").asString(), null).body();
			Instant signed = Instant.parse(atCa.at("/certificates/0/notBefore").asString());
			lagMillis.add(Duration.between(signed, shown).toMillis());
			JsonNode tracked = http
				.get(stack.url(PlatformService.STATUS_SYNC) + "/internal/v1/tracked/" + order.id(),
						stack.credentials().operatorKey())
				.body();
			Instant recorded = Instant.parse(tracked.get("finishedAt").asString());
			toStatusSync.add(Duration.between(signed, recorded).toMillis());
			toViews.add(Duration.between(recorded, shown).toMillis());
			checkedAgain += (tracked.get("checks").asInt() > 1) ? 1 : 0;
			if (signed.isAfter(allPlaced)) {
				lagAfterPlacing.add(Duration.between(signed, shown).toMillis());
			}
			lastIssued = shown.isAfter(lastIssued) ? shown : lastIssued;
		}
		Collections.sort(lagMillis);
		Collections.sort(lagAfterPlacing);
		report(phase, calls, lagMillis, Duration.between(start, lastIssued));
		Collections.sort(toStatusSync);
		Collections.sort(toViews);
		// where the time goes: the CA's push and status sync's check, then the
		// CertificateIssued event's way to order-service
		System.out.printf(
				"  of which issuance to status sync's check recorded: p50 %.1f s, p99 %.1f s; recorded to the views:"
						+ " p50 %.1f s, p99 %.1f s; orders checked more than once: %d%n",
				LoadDriver.percentile(toStatusSync, 50) / 1000.0, LoadDriver.percentile(toStatusSync, 99) / 1000.0,
				LoadDriver.percentile(toViews, 50) / 1000.0, LoadDriver.percentile(toViews, 99) / 1000.0, checkedAgain);
		if (!lagAfterPlacing.isEmpty()) {
			// the clients place every order in the first seconds, which keeps both cores
			// busy: issuances after that see the platform as a steady trickle would
			System.out.printf(
					"  of which issued after the last order was placed (%d, %.0f s into the run): p50 %.1f s,"
							+ " p99 %.1f s, max %.1f s%n",
					lagAfterPlacing.size(), Duration.between(start, allPlaced).toMillis() / 1000.0,
					LoadDriver.percentile(lagAfterPlacing, 50) / 1000.0,
					LoadDriver.percentile(lagAfterPlacing, 99) / 1000.0,
					lagAfterPlacing.get(lagAfterPlacing.size() - 1) / 1000.0);
		}
		if (!pushes) {
			http.delete(sandbox + "/push", null);
		}
	}

	private void report(Phase phase, JsonNode calls, List<Long> lagMillis, Duration elapsed) {
		double seconds = elapsed.toMillis() / 1000.0;
		long total = calls.get("calls").asLong();
		double perOrder = (double) total / orders;
		double ordersPerSecond = orders / seconds;
		Map<String, Double> byOperation = new LinkedHashMap<>();
		calls.get("byOperation")
			.properties()
			.forEach(entry -> byOperation.put(entry.getKey(), entry.getValue().asLong() / (double) orders));
		System.out.printf("%n--- %s (%s), budget %s ---%n", phase.ca(), phase.product(), phase.budgetText());
		System.out.printf("CA calls per issued order: %.2f; by operation: %s%n", perOrder, format(byOperation));
		System.out.printf(
				"%d orders issued in %.1f s: %.3f orders/s; the budget's ceiling %.3f orders/s at %.2f calls"
						+ " per order (%.0f%%), %.3f at 2 calls per order (%.0f%%)%n",
				orders, seconds, ordersPerSecond, phase.requestsPerSecond() / perOrder, perOrder,
				100 * ordersPerSecond / (phase.requestsPerSecond() / perOrder), phase.requestsPerSecond() / 2,
				100 * ordersPerSecond / (phase.requestsPerSecond() / 2));
		System.out.printf("429 answers from the sandbox: %d%n", calls.get("tooManyRequests").asLong());
		System.out.printf("CA issuance to \"Issued\" in the views: p50 %.1f s, p99 %.1f s, max %.1f s%n",
				LoadDriver.percentile(lagMillis, 50) / 1000.0, LoadDriver.percentile(lagMillis, 99) / 1000.0,
				lagMillis.get(lagMillis.size() - 1) / 1000.0);
	}

	private static String format(Map<String, Double> byOperation) {
		StringBuilder text = new StringBuilder();
		byOperation.forEach((operation, perOrder) -> text.append(text.isEmpty() ? "" : ", ")
			.append(operation)
			.append(' ')
			.append(String.format("%.2f", perOrder)));
		return text.toString();
	}

	/** The resellers' issued orders, all phases so far. */
	private static long issued(LocalStack stack, PlatformClient http, List<String> keys) {
		return keys.stream()
			.mapToLong(key -> http.get(stack.url(PlatformService.ORDER) + "/api/v1/orders?state=ISSUED&size=1", key)
				.body()
				.get("totalElements")
				.asLong())
			.sum();
	}

	private record Phase(String ca, String product, double requestsPerSecond, String budgetText) {
	}

	private record Placed(String key, String id) {
	}

}
