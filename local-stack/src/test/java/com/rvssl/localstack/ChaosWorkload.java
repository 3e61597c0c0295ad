package com.rvssl.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.TestCertificates;

/**
 * What the resellers do during the chaos run: place N orders (DV and OV, DigiCert-style
 * and Sectigo-style) at a steady pace over the run's window, cancel some and change the
 * domain validation of others while the CA is issuing them, and top up during the run
 * where the credit ran short. One reseller never pays enough, so some orders end the run
 * waiting for payment. A CA operator thread walks the OV orders through the sandbox's
 * validation steps, as a CA's staff would.
 */
final class ChaosWorkload implements AutoCloseable {

	/** A product the run orders, with its 12-month wholesale price in minor units. */
	private record Product(String code, boolean organizationValidated, long wholesale) {
	}

	private static final List<Product> DV = List.of(new Product("rapidssl-dv", false, 900),
			new Product("positivessl-dv", false, 500));

	private static final List<Product> OV = List.of(new Product("digicert-ov", true, 19_500),
			new Product("sectigo-ov", true, 4_900));

	/** The sandbox's product ids of the OV products above (what its books show). */
	private static final Set<String> OV_CA_PRODUCTS = Set.of("ssl_basic", "24");

	/** Where an order is before the gateway has placed it at the CA. */
	private static final Set<String> BEFORE_THE_CA = Set.of("PLACED", "WAITING_FOR_PAYMENT", "PAID",
			"SUBMISSION_RETRYING");

	enum Funding {

		/** Credit for everything from the start. */
		FUNDED,
		/** Starts short; tops up twice during the run, in the end enough for all. */
		TOPS_UP,
		/**
		 * Starts short and never tops up: some of its orders stay waiting for payment.
		 */
		NEVER_PAYS

	}

	record Reseller(String id, String key, Funding funding) {
	}

	/** One order the run places, decided before the clock starts. */
	record Planned(int index, Reseller reseller, Product product, String domain, String csr, Race race,
			long raceDelayMillis) {
	}

	enum Race {

		NONE, CANCEL, DCV_CHANGE

	}

	private final LocalStack stack;

	private final ChaosCalls calls;

	private final Random random;

	private final List<Reseller> resellers = new ArrayList<>();

	private final Map<String, Planned> placed = new ConcurrentHashMap<>();

	private final Map<String, Integer> raceAnswers = new ConcurrentHashMap<>();

	private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger topUps = new AtomicInteger();

	private final AtomicInteger advances = new AtomicInteger();

	private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(8);

	// races wait for their moment on threads of their own, never holding up placements
	private final ScheduledExecutorService racers = Executors.newScheduledThreadPool(8);

	private volatile boolean operatorOn = true;

	ChaosWorkload(LocalStack stack, ChaosCalls calls, Random random) {
		this.stack = stack;
		this.calls = calls;
		this.random = random;
	}

	/**
	 * Creates the resellers, each with its WHMCS webhook registered, and gives each its
	 * first credit; returns the planned orders.
	 */
	List<Planned> prepare(int orders, int resellerCount, WebhookReceiver whmcs) {
		for (int i = 0; i < resellerCount; i++) {
			Funding funding = (i == 0) ? Funding.NEVER_PAYS : (i <= 2) ? Funding.TOPS_UP : Funding.FUNDED;
			PlatformClient.Reply created = calls.http()
				.post(stack.url(PlatformService.BILLING) + "/api/v1/admin/resellers", stack.credentials().operatorKey(),
						Map.of("name", "Chaos Hosting " + i, "currency", "USD"), Map.of());
			check(created, "create reseller");
			resellers.add(new Reseller(created.body().get("resellerId").asString(),
					created.body().get("apiKey").asString(), funding));
		}
		// all registrations travel to the services together: one wait, not one per
		// reseller
		for (int i = 0; i < resellers.size(); i++) {
			Reseller reseller = resellers.get(i);
			awaitKnownEverywhere(reseller);
			check(calls.http()
				.put(stack.url(PlatformService.NOTIFICATION) + "/api/v1/webhook", reseller.key(),
						Map.of("url", whmcs.url(reseller.id()), "secret", "chaos-webhook-secret-" + i)),
					"register webhook");
		}
		List<Planned> plan = IntStream.range(0, orders).mapToObj(this::plan).toList();
		// CSRs are signed before the clock starts; they cost the platform nothing
		List<Planned> withCsrs = plan.parallelStream()
			.map((p) -> new Planned(p.index(), p.reseller(), p.product(), p.domain(),
					TestCertificates.csr(TestCertificates.rsa2048(), p.domain()), p.race(), p.raceDelayMillis()))
			.toList();
		for (Reseller reseller : resellers) {
			long owed = withCsrs.stream()
				.filter((p) -> p.reseller() == reseller)
				.mapToLong((p) -> p.product().wholesale())
				.sum();
			long first = switch (reseller.funding()) {
				case FUNDED -> owed * 2;
				case TOPS_UP, NEVER_PAYS -> owed / 4;
			};
			bankTransfer(reseller, first, "chaos-first-credit");
		}
		return withCsrs;
	}

	private Planned plan(int index) {
		Reseller reseller = resellers.get(index % resellers.size());
		double roll = random.nextDouble();
		Product product = (roll < 0.15) ? OV.get(random.nextInt(OV.size())) : DV.get(random.nextInt(DV.size()));
		double raceRoll = random.nextDouble();
		Race race = (raceRoll < 0.05) ? Race.CANCEL : (raceRoll < 0.10) ? Race.DCV_CHANGE : Race.NONE;
		String domain = "chaos-" + index + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example.com";
		return new Planned(index, reseller, product, domain, null, race, random.nextInt(8_000));
	}

	/**
	 * Places every planned order at an even pace over {@code window}, each followed by
	 * its race: half the cancels a few seconds after placing, the other half and the DCV
	 * changes as soon as the CA has the order; the top-ups of the resellers that pay late
	 * come half-way through and near the end. Returns at once.
	 */
	void start(List<Planned> plan, Duration window) {
		long stepNanos = window.toNanos() / Math.max(1, plan.size());
		for (Planned order : plan) {
			clients.schedule(recorded(() -> place(order)), order.index() * stepNanos, TimeUnit.NANOSECONDS);
		}
		clients.schedule(recorded(() -> topUpLatePayers(plan, "mid-run")), window.toMillis() / 2,
				TimeUnit.MILLISECONDS);
		clients.schedule(recorded(() -> topUpLatePayers(plan, "late")), window.toMillis() * 9 / 10,
				TimeUnit.MILLISECONDS);
		clients.scheduleWithFixedDelay(this::advanceOvOrders, 2, 2, TimeUnit.SECONDS);
	}

	private void place(Planned order) {
		String key = "chaos-order-" + order.index();
		Map<String, Object> body = new java.util.HashMap<>(Map.of("productCode", order.product().code(), "termMonths",
				12, "domains", List.of(order.domain()), "whmcsServiceId", "chaos-" + order.index(), "customer",
				Map.of("name", "Chaos Customer", "email", "customer-" + order.index() + "@customer.example"), "csr",
				order.csr(), "dcv", Map.of("method", "EMAIL", "approverEmail", "admin@" + order.domain())));
		if (order.product().organizationValidated()) {
			body.put("organization",
					Map.of("name", "Chaos Org " + order.index(), "country", "US", "city", "Austin", "address",
							"1 Main St", "phone", "+1 512 555 0100", "contact",
							Map.of("name", "Pat Admin", "email", "pat@org.example", "phone", "+1 512 555 0101")));
		}
		PlatformClient.Reply reply = calls.retrying("place order " + order.index(),
				() -> calls.http()
					.post(stack.url(PlatformService.ORDER) + "/api/v1/orders", order.reseller().key(), body,
							Map.of("Idempotency-Key", key)));
		if (reply.status() != 201 && reply.status() != 200) {
			throw new IllegalStateException(
					"order " + order.index() + " refused: " + reply.status() + " " + reply.body());
		}
		String orderId = reply.body().get("id").asString();
		placed.put(orderId, order);
		if (order.race() != Race.NONE) {
			long delay = (order.race() == Race.CANCEL && order.index() % 2 == 0) ? order.raceDelayMillis() : 0;
			racers.schedule(recorded(() -> race(orderId, order)), delay, TimeUnit.MILLISECONDS);
		}
	}

	private void race(String orderId, Planned order) {
		String base = stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId;
		// a DCV change, and every other cancel, once the CA has the order: the race is
		// with the CA's validation and issuance, not with payment
		if (order.race() == Race.DCV_CHANGE || order.index() % 2 == 1) {
			awaitAtTheCa(base, order.reseller().key());
			Pause.sleep(Duration.ofMillis(order.raceDelayMillis() % 1_500));
		}
		PlatformClient.Reply reply = switch (order.race()) {
			case CANCEL -> calls.retrying("cancel " + orderId,
					() -> calls.http()
						.post(base + "/cancel", order.reseller().key(),
								Map.of("reason", "chaos: the customer changed their mind"), Map.of()));
			case DCV_CHANGE -> calls.retrying("change DCV of " + orderId,
					() -> calls.http().put(base + "/dcv", order.reseller().key(), Map.of("method", "DNS")));
			case NONE -> throw new IllegalArgumentException("no race");
		};
		// 200/202 when it was in time, 409 when the order had already moved on: both are
		// answers a reseller gets
		raceAnswers.merge(order.race() + " " + reply.status(), 1, Integer::sum);
	}

	// a client's step that failed for good is a finding of the run, never lost in a pool
	private Runnable recorded(Runnable step) {
		return () -> {
			try {
				step.run();
			}
			catch (RuntimeException ex) {
				failures.add(ex.getMessage());
			}
		};
	}

	private void awaitAtTheCa(String orderUrl, String key) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			try {
				JsonNode order = calls.http().get(orderUrl, key).body();
				if (order != null
						&& (order.hasNonNull("caOrderId") || !BEFORE_THE_CA.contains(order.path("state").asString()))) {
					return;
				}
			}
			catch (IllegalStateException serviceAway) {
				// killed by the schedule: look again
			}
			Pause.sleep(Duration.ofMillis(300));
		}
	}

	private void topUpLatePayers(List<Planned> plan, String when) {
		for (Reseller reseller : resellers) {
			if (reseller.funding() != Funding.TOPS_UP) {
				continue;
			}
			long owed = plan.stream()
				.filter((p) -> p.reseller() == reseller)
				.mapToLong((p) -> p.product().wholesale())
				.sum();
			// half of all at mid-run and half near the end: with the first quarter,
			// more than enough in the end
			long amount = owed / 2;
			String reference = "chaos-top-up-" + when;
			PlatformClient.Reply reply = calls
				.retrying("top up " + reseller.id(),
						() -> calls.http()
							.post(stack.url(PlatformService.BILLING) + "/api/v1/account/top-ups", reseller.key(), Map
								.of("amount", Map.of("amount", amount, "currency", "USD"), "reference", reference),
									Map.of("Idempotency-Key", reference)));
			check(reply, "top-up");
			topUps.incrementAndGet();
		}
	}

	/** The CA's staff: one validation step on for each pending OV order of this run. */
	private void advanceOvOrders() {
		if (!operatorOn) {
			return;
		}
		try {
			JsonNode books = calls.http().get(stack.sandboxUrl() + "/sandbox/orders", null).body();
			for (JsonNode caOrder : books) {
				if ("pending".equals(caOrder.path("status").asString())
						&& OV_CA_PRODUCTS.contains(caOrder.path("product").asString())
						&& placed.containsKey(caOrder.path("reference").asString())) {
					calls.http()
						.post(stack.sandboxUrl() + "/sandbox/orders/" + caOrder.path("caOrderId").asString()
								+ "/advance", null, Map.of("to", "next"), Map.of());
					advances.incrementAndGet();
				}
			}
		}
		catch (RuntimeException sandboxBusy) {
			// the next round looks again
		}
	}

	private void bankTransfer(Reseller reseller, long amount, String reference) {
		check(calls.http()
			.post(stack.url(PlatformService.BILLING) + "/api/v1/admin/resellers/" + reseller.id() + "/top-ups",
					stack.credentials().operatorKey(),
					Map.of("amount", Map.of("amount", amount, "currency", "USD"), "reference", reference),
					Map.of("Idempotency-Key", reference)),
				"bank transfer");
	}

	// the reseller reaches order-service and notification through events: wait for them
	private void awaitKnownEverywhere(Reseller reseller) {
		org.awaitility.Awaitility.await("reseller " + reseller.id() + " known to every service")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> calls.http()
				.get(stack.url(PlatformService.ORDER) + "/api/v1/orders", reseller.key())
				.status() == 200
					&& calls.http()
						.get(stack.url(PlatformService.NOTIFICATION) + "/api/v1/deliveries", reseller.key())
						.status() == 200);
	}

	private static void check(PlatformClient.Reply reply, String what) {
		if (reply.status() < 200 || reply.status() > 299) {
			throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
		}
	}

	List<Reseller> resellers() {
		return List.copyOf(resellers);
	}

	/** The orders placed so far, by the id the platform gave them. */
	Map<String, Planned> placed() {
		return Map.copyOf(placed);
	}

	Map<String, Integer> raceAnswers() {
		return Map.copyOf(raceAnswers);
	}

	/**
	 * What a client could not do at all (no answer within minutes): none, in a good run.
	 */
	List<String> failures() {
		return List.copyOf(failures);
	}

	int topUps() {
		return topUps.get();
	}

	int advances() {
		return advances.get();
	}

	/** Stops the CA operator (the run has settled). */
	void stopOperator() {
		operatorOn = false;
	}

	@Override
	public void close() {
		clients.shutdownNow();
		racers.shutdownNow();
	}

}
