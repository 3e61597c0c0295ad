package com.rvssl.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The faults of the chaos run, one after another over its window: each service killed in
 * turn (SIGKILL, started again a few seconds later), a replica of billing and of the
 * gateway killed mid-work, the broker and the database taken away and brought back, and
 * the sandbox CA failing for a minute (timeouts, 5xx, 429, lost replies). Each fault
 * waits for the one before it to heal, so the platform is never missing two parts at once
 * by the schedule's doing.
 */
final class ChaosFaults {

	static final String BILLING_REPLICA = "billing-service-2";

	static final String GATEWAY_REPLICA = "ca-gateway-service-2";

	private static final Duration DOWN = Duration.ofSeconds(4);

	private static final Duration CA_TROUBLE = Duration.ofSeconds(60);

	private record Fault(double at, String name, Runnable play) {
	}

	private final LocalStack stack;

	private final ChaosCalls calls;

	private final List<String> played = java.util.Collections.synchronizedList(new ArrayList<>());

	private final List<CompletableFuture<Void>> restarts = new ArrayList<>();

	private Instant troubleEnds = Instant.now();

	ChaosFaults(LocalStack stack, ChaosCalls calls) {
		this.stack = stack;
		this.calls = calls;
	}

	/** Starts the second replicas the schedule kills, side by side. */
	void startReplicas() {
		CompletableFuture<String> billing = CompletableFuture
			.supplyAsync(() -> stack.startReplica(PlatformService.BILLING, BILLING_REPLICA));
		stack.startReplica(PlatformService.CA_GATEWAY, GATEWAY_REPLICA);
		billing.join();
	}

	/**
	 * Plays every fault at its share of {@code window} from now (later when the one
	 * before took longer). A killed service is started again in the background while the
	 * next faults play; the broker and the database are only taken away once every
	 * service is back, as a service that cannot reach them while it starts refuses to
	 * start at all. Returns when every fault has healed.
	 */
	void play(Duration window) {
		List<Fault> schedule = List.of(new Fault(0.06, "kill -9 order-service", () -> crash(PlatformService.ORDER)),
				new Fault(0.14, "kill -9 billing-service replica mid-work (not restarted)",
						() -> stack.killReplica(BILLING_REPLICA)),
				new Fault(0.22, "kill -9 ca-gateway-service replica mid-work (not restarted)",
						() -> stack.killReplica(GATEWAY_REPLICA)),
				new Fault(0.30, "Kafka broker stopped for " + DOWN.toSeconds() + " s", () -> {
					awaitRestarts();
					stack.restartKafka(DOWN);
				}), new Fault(0.40, "kill -9 billing-service", () -> crash(PlatformService.BILLING)),
				new Fault(0.48, "MongoDB wire server away for " + DOWN.toSeconds() + " s", () -> {
					awaitRestarts();
					stack.restartMongo(DOWN);
				}), new Fault(0.56, "kill -9 ca-gateway-service", () -> crash(PlatformService.CA_GATEWAY)),
				new Fault(0.62, "sandbox CA failing for " + CA_TROUBLE.toSeconds() + " s", this::troubleAtTheCa),
				new Fault(0.70, "kill -9 status-sync-service", () -> crash(PlatformService.STATUS_SYNC)),
				new Fault(0.80, "kill -9 notification-service", () -> crash(PlatformService.NOTIFICATION)));
		Instant start = Instant.now();
		for (Fault fault : schedule) {
			Instant due = start.plusMillis((long) (window.toMillis() * fault.at()));
			Duration wait = Duration.between(Instant.now(), due);
			if (!wait.isNegative()) {
				Pause.sleep(wait);
			}
			Instant began = Instant.now();
			fault.play().run();
			played
				.add(String.format("t+%5.1f s  %s", Duration.between(start, began).toMillis() / 1000.0, fault.name()));
		}
		awaitRestarts();
		// the CA's minute of trouble ends by itself, at the sandbox
		Duration troubleLeft = Duration.between(Instant.now(), troubleEnds);
		if (!troubleLeft.isNegative()) {
			Pause.sleep(troubleLeft);
		}
		played.add(String.format("t+%5.1f s  every fault healed",
				Duration.between(start, Instant.now()).toMillis() / 1000.0));
	}

	List<String> played() {
		return List.copyOf(played);
	}

	private void crash(PlatformService service) {
		stack.killService(service);
		Pause.sleep(DOWN);
		stack.startService(service);
		Instant started = Instant.now();
		restarts.add(CompletableFuture.runAsync(() -> {
			stack.awaitReady(service);
			played.add(String.format("           %s ready again %.1f s after its start", service.module(),
					Duration.between(started, Instant.now()).toMillis() / 1000.0));
		}));
	}

	private void awaitRestarts() {
		restarts.forEach(CompletableFuture::join);
		restarts.clear();
	}

	/**
	 * A minute of trouble on both CA APIs at once: one call in ten each runs into a
	 * timeout, a 5xx, a 429 or a reply lost after the CA did the work.
	 */
	private void troubleAtTheCa() {
		troubleEnds = Instant.now().plus(CA_TROUBLE);
		for (String api : List.of("digicert", "sectigo")) {
			for (String mode : List.of("LATENCY", "ERROR_5XX", "RATE_LIMIT", "LOST_REPLY")) {
				Map<String, Object> fault = new java.util.HashMap<>(Map.of("api", api, "mode", mode, "durationSeconds",
						CA_TROUBLE.toSeconds(), "probability", 0.1));
				if (mode.equals("LATENCY")) {
					// longer than the gateway waits for a CA answer: a timeout
					fault.put("latencyMillis", 40_000);
				}
				PlatformClient.Reply reply = calls.http()
					.post(stack.sandboxUrl() + "/sandbox/faults", null, fault, Map.of());
				if (reply.status() != 201) {
					throw new IllegalStateException(
							"the sandbox refused a fault: " + reply.status() + " " + reply.body());
				}
			}
		}
	}

}
