package com.rvssl.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.rvssl.kit.test.TestSeed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform under faults: N orders from several resellers (DV and OV, both CA
 * styles, some resellers short of credit and topping up during the run, cancels and DCV
 * changes racing with issuance) while {@link ChaosFaults} kills each service in turn,
 * kills a replica of billing and of the gateway mid-work, stops the broker and the
 * database and makes the sandbox CA fail for a minute. Once everything has settled,
 * {@link ChaosInvariants} reads every service's data and the CA's books and checks that
 * nothing was lost, stuck, charged or placed twice; it prints every figure.
 *
 * <p>
 * {@code -Drvssl.chaos.orders=N} (600 in {@code mvn verify}, CI's run; 300 without the
 * property); {@code -Drvssl.test.seed=S} replays a run's choices (the faults' timing
 * depends on the machine). It runs in a failsafe execution of its own (tag
 * {@code chaos}), after the end-to-end tests have stopped their platform.
 */
@Tag("chaos")
class ChaosRunIT {

	private static final int RESELLERS = 8;

	private final int orders = Integer.getInteger("rvssl.chaos.orders", 300);

	/**
	 * How long the platform may take to settle once the last fault has healed: six
	 * minutes, or a fifth of a second per order for the large runs, whose backlog after
	 * the faults grows with the orders placed (the wait ends as soon as all is settled).
	 */
	private final Duration settle = Duration.ofMillis(Math.max(Duration.ofMinutes(6).toMillis(), 200L * orders));

	@Test
	void nothingIsLostStuckChargedTwiceOrPlacedTwiceWhileProcessesDieAndTheCaFails() throws Exception {
		Path platformDir = Path.of(System.getProperty("rvssl.platform.dir", "..")).toAbsolutePath().normalize();
		Path dataDir = Path.of("target", "chaos-stack-" + System.currentTimeMillis()).toAbsolutePath();
		Random random = TestSeed.random("ChaosRunIT");
		ChaosCalls calls = new ChaosCalls();
		Instant began = Instant.now();
		try (LocalStack stack = LocalStack.start(
				new StackSettings(platformDir, dataDir, false, StackSettings.Ports.free(), Duration.ofSeconds(1)),
				StackProfile.LOAD);
				WebhookReceiver whmcs = WebhookReceiver.start(random, 0.1);
				ChaosWorkload workload = new ChaosWorkload(stack, calls, random)) {
			Instant stackUp = Instant.now();
			ChaosFaults faults = new ChaosFaults(stack, calls);
			faults.startReplicas();
			Instant replicasUp = Instant.now();
			List<ChaosWorkload.Planned> plan = workload.prepare(orders, RESELLERS, whmcs);
			// about eight orders a second, and never less than a minute and a half of
			// faults
			Duration window = Duration.ofSeconds(Math.max(90, orders / 8));

			Instant start = Instant.now();
			workload.start(plan, window);
			faults.play(window);
			Instant faultsOver = Instant.now();

			Set<String> placed = awaitAllPlaced(workload, plan.size());
			ChaosInvariants invariants = new ChaosInvariants(stack, calls);
			Map<String, Long> unsettled = awaitSettled(invariants, placed);
			Instant settled = Instant.now();
			workload.stopOperator();

			ChaosInvariants.Report report = invariants.check(workload, whmcs);
			print(report, faults, workload,
					List.of(Duration.between(began, stackUp), Duration.between(stackUp, replicasUp),
							Duration.between(replicasUp, start)),
					Duration.between(start, faultsOver), Duration.between(faultsOver, settled));

			assertThat(workload.failures()).as("calls that never got an answer").isEmpty();
			assertThat(unsettled).as("work left open %s after the last fault", this.settle).isEmpty();
			assertThat(report.violations()).as("invariants violated").isEmpty();
			// the run must have exercised what it claims to
			assertThat(report.figures().get("orders ISSUED")).isGreaterThan(orders / 2L);
			assertThat(report.figures().get("orders WAITING_FOR_PAYMENT")).isPositive();
			assertThat(report.figures().get("refunds")).isPositive();
			assertThat(whmcs.refused()).isPositive();
		}
	}

	private static Set<String> awaitAllPlaced(ChaosWorkload workload, int planned) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (workload.placed().size() + workload.failures().size() < planned && Instant.now().isBefore(deadline)) {
			Pause.sleep(Duration.ofMillis(500));
		}
		return workload.placed().keySet();
	}

	/**
	 * Waits until no order of the run is in between and nothing is left to publish,
	 * consume or deliver (or the settle time passes); returns what is still open, by
	 * kind.
	 */
	private Map<String, Long> awaitSettled(ChaosInvariants invariants, Set<String> placed) {
		Instant deadline = Instant.now().plus(this.settle);
		Map<String, Long> unsettled = invariants.unsettled(placed);
		while (!unsettled.isEmpty() && Instant.now().isBefore(deadline)) {
			System.out.println("[chaos] waiting for " + unsettled);
			Pause.sleep(Duration.ofSeconds(5));
			unsettled = invariants.unsettled(placed);
		}
		return unsettled;
	}

	/**
	 * Prints the run's figures; {@code setUp} is the stack's start, the replicas' start
	 * and the workload's preparation.
	 */
	private void print(ChaosInvariants.Report report, ChaosFaults faults, ChaosWorkload workload, List<Duration> setUp,
			Duration faulted, Duration settling) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("%n=== RVssl chaos run: %d orders, %d resellers, %d cores, seed %d ===%n", orders,
				RESELLERS, Runtime.getRuntime().availableProcessors(), TestSeed.get()));
		text.append(String.format(
				"set-up %.0f s (stack %.0f s, replicas %.0f s, resellers %.0f s), orders and faults %.0f s, settled %.0f s after the last fault%n",
				setUp.stream().mapToLong(Duration::toMillis).sum() / 1000.0, setUp.get(0).toMillis() / 1000.0,
				setUp.get(1).toMillis() / 1000.0, setUp.get(2).toMillis() / 1000.0, faulted.toMillis() / 1000.0,
				settling.toMillis() / 1000.0));
		text.append("faults injected:\n");
		faults.played().forEach((line) -> text.append("  ").append(line).append('\n'));
		text.append(String.format("resellers' races: %s; top-ups paid during the run: %d; OV steps advanced: %d%n",
				workload.raceAnswers(), workload.topUps(), workload.advances()));
		report.figures().forEach((name, value) -> text.append(String.format("  %-75s %7d%n", name, value)));
		report.violations().forEach((invariant, offenders) -> {
			text.append("VIOLATED: ").append(invariant).append('\n');
			offenders.forEach((offender) -> text.append("    ").append(offender).append('\n'));
		});
		System.out.println(text);
	}

}
