package com.rvssl.gateway.adapters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The budget's priorities on a real Resilience4j limiter, with no CA behind it: each
 * "call" only counts that it ran.
 */
class CaBudgetTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aFloodOfConcurrentReadsTakesNoMoreThanTheUnreservedPermitsAndASubmissionGetsItsPermitAtOnce() {
		// one long period, so the whole test runs inside it
		CaBudget budget = budget(10, Duration.ofSeconds(30), Duration.ofSeconds(20));
		AtomicInteger ran = new AtomicInteger();

		List<String> outcomes = Flux.range(0, 200)
			.flatMap(i -> budget.spend("digicert", CallPriority.READ, Mono.fromRunnable(ran::incrementAndGet))
				.thenReturn("ran")
				.onErrorResume(CaUnavailable.OverBudget.class, refused -> Mono.just("refused"))
				.subscribeOn(Schedulers.parallel()), 200)
			.collectList()
			.block(Duration.ofSeconds(5));

		// 10 per period, 20% (2) kept for submissions and changes
		assertThat(outcomes).filteredOn("ran"::equals).hasSize(8);
		assertThat(outcomes).filteredOn("refused"::equals).hasSize(192);
		assertThat(meters.counter("rvssl.ca.budget.refused", "ca", "digicert", "account", "default", "priority", "read")
			.count()).isEqualTo(192);

		long start = System.nanoTime();
		budget.spend("digicert", CallPriority.SUBMISSION, Mono.fromRunnable(ran::incrementAndGet))
			.block(Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the submission's wait")
			.isLessThan(Duration.ofSeconds(1));
		assertThat(ran).hasValue(9);
		assertThat(meters
			.counter("rvssl.ca.budget.permits", "ca", "digicert", "account", "default", "priority", "submission")
			.count()).isEqualTo(1);
	}

	@Test
	void aQueuedSubmissionKeepsReadsOutUntilItHasRunAndReadsAreRefusedWithoutWaiting() {
		CaBudget budget = budget(2, Duration.ofSeconds(1), Duration.ofSeconds(5));
		IntStream.range(0, 2)
			.forEach(i -> budget.spend("digicert", CallPriority.SUBMISSION, Mono.just(i)).block(Duration.ofSeconds(1)));

		Mono<String> queued = budget.spend("digicert", CallPriority.SUBMISSION, Mono.just("placed")).cache();
		queued.subscribe();
		assertThat(
				meters.get("rvssl.ca.budget.waiting").tags("ca", "digicert", "priority", "submission").gauge().value())
			.isEqualTo(1);

		long start = System.nanoTime();
		assertThatThrownBy(() -> budget.spend("digicert", CallPriority.READ, Mono.just("status")).block())
			.isInstanceOf(CaUnavailable.OverBudget.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the refused read's wait")
			.isLessThan(Duration.ofMillis(200));

		assertThat(queued.block(Duration.ofSeconds(3))).isEqualTo("placed");
		assertThat(
				meters.get("rvssl.ca.budget.waiting").tags("ca", "digicert", "priority", "submission").gauge().value())
			.isZero();
	}

	@Test
	void aCallThatWouldWaitLongerThanTheLimiterAllowsIsRefusedAtOnceAndTakesNoPermit() {
		CaBudget budget = budget(1, Duration.ofSeconds(30), Duration.ofSeconds(1));
		budget.spend("digicert", CallPriority.CHANGE, Mono.just("cancelled")).block(Duration.ofSeconds(1));

		long start = System.nanoTime();
		assertThatThrownBy(() -> budget.spend("digicert", CallPriority.SUBMISSION, Mono.just("placed")).block())
			.isInstanceOf(CaUnavailable.OverBudget.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
		assertThat(registry.rateLimiter("digicert").getMetrics().getAvailablePermissions()).isZero();
	}

	@Test
	void everyOperationOfTheAdaptersHasAPriority() {
		assertThat(CallPriority.of("place")).isEqualTo(CallPriority.SUBMISSION);
		assertThat(CallPriority.of("find")).isEqualTo(CallPriority.SUBMISSION);
		assertThat(CallPriority.of("reissue")).isEqualTo(CallPriority.CHANGE);
		assertThat(CallPriority.of("status")).isEqualTo(CallPriority.READ);
		assertThat(CallPriority.of("download")).isEqualTo(CallPriority.READ);
		assertThatThrownBy(() -> CallPriority.of("delete")).isInstanceOf(IllegalArgumentException.class);
	}

	private RateLimiterRegistry registry;

	private CaBudget budget(int limit, Duration period, Duration timeout) {
		registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(limit)
			.limitRefreshPeriod(period)
			.timeoutDuration(timeout)
			.build());
		return new CaBudget(registry, new CaBudgetProperties(0.2), meters);
	}

}
