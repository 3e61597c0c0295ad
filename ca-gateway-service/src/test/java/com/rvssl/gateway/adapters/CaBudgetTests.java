package com.rvssl.gateway.adapters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The budget's priorities on a real Resilience4j limiter, with no CA behind it: each
 * "call" only counts that it ran.
 */
class CaBudgetTests {

	/**
	 * Long enough that a test's calls, made right after {@link #spendThePeriodEarly}, all
	 * fall in the same period on a busy machine.
	 */
	private static final Duration PERIOD = Duration.ofSeconds(2);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aFloodOfConcurrentReadsTakesNoMoreThanTheUnreservedPermitsAndASubmissionGetsItsPermitAtOnce() {
		// one long period, so the whole test runs inside it
		CaBudget budget = budget(10, Duration.ofSeconds(30), Duration.ofSeconds(20));
		AtomicInteger ran = new AtomicInteger();

		List<String> outcomes = Flux.range(0, 200)
			.flatMap(i -> budget.spend("digicert", CallPriority.STATUS, Mono.fromRunnable(ran::incrementAndGet))
				.thenReturn("ran")
				.onErrorResume(CaUnavailable.OverBudget.class, refused -> Mono.just("refused"))
				.subscribeOn(Schedulers.parallel()), 200)
			.collectList()
			.block(Duration.ofSeconds(5));

		// 10 per period, 20% (2) kept for submissions and changes
		assertThat(outcomes).filteredOn("ran"::equals).hasSize(8);
		assertThat(outcomes).filteredOn("refused"::equals).hasSize(192);
		assertThat(count("rvssl.ca.budget.refused", "status")).isEqualTo(192);

		long start = System.nanoTime();
		budget.spend("digicert", CallPriority.SUBMISSION, Mono.fromRunnable(ran::incrementAndGet))
			.block(Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the submission's wait")
			.isLessThan(Duration.ofSeconds(1));
		assertThat(ran).hasValue(9);
		assertThat(count("rvssl.ca.budget.permits", "submission")).isEqualTo(1);
	}

	@Test
	void aQueuedSubmissionKeepsReadsOutUntilItHasRunAndReadsAreRefusedWithoutWaiting() {
		CaBudget budget = budget(2, PERIOD, Duration.ofSeconds(5));
		spendThePeriodEarly(budget, 2);

		Mono<String> queued = budget.spend("digicert", CallPriority.SUBMISSION, Mono.just("placed")).cache();
		queued.subscribe();
		assertThat(
				meters.get("rvssl.ca.budget.waiting").tags("ca", "digicert", "priority", "submission").gauge().value())
			.isEqualTo(1);

		long start = System.nanoTime();
		assertThatThrownBy(() -> budget.spend("digicert", CallPriority.STATUS, Mono.just("status")).block())
			.isInstanceOf(CaUnavailable.OverBudget.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the refused read's wait")
			.isLessThan(Duration.ofMillis(200));

		assertThat(queued.block(PERIOD.multipliedBy(2))).isEqualTo("placed");
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
	void aDownloadGoesBeforeTheSubmissionsAlreadyWaitingForTheNextPeriod() {
		CaBudget budget = budget(1, PERIOD, Duration.ofSeconds(10));
		spendThePeriodEarly(budget, 1);
		List<String> ran = new CopyOnWriteArrayList<>();

		Mono<String> second = budget
			.spend("digicert", CallPriority.SUBMISSION, Mono.fromCallable(() -> ran.add("submission") ? "placed" : ""))
			.cache();
		second.subscribe();
		Mono<String> download = budget
			.spend("digicert", CallPriority.DOWNLOAD, Mono.fromCallable(() -> ran.add("download") ? "pem" : ""))
			.cache();
		download.subscribe();
		assertThat(meters.get("rvssl.ca.budget.waiting").tags("priority", "download").gauge().value()).isEqualTo(1);

		assertThat(second.block(PERIOD.multipliedBy(3))).isEqualTo("placed");
		assertThat(download.block(Duration.ofSeconds(1))).isEqualTo("pem");
		// one permit per period: the download took the first, the submission the next
		assertThat(ran).containsExactly("download", "submission");
		assertThat(meters.get("rvssl.ca.budget.waiting").tags("priority", "submission").gauge().value()).isZero();
	}

	@Test
	void aDownloadWhoseTurnWouldComeAfterItsWaitIsRefusedAtOnceWithTheTimeToAskAgain() {
		CaBudget budget = new CaBudget(limiters(1, Duration.ofSeconds(30), Duration.ofSeconds(60)),
				new CaBudgetProperties(0.2, Duration.ofSeconds(2)), meters);
		budget.spend("digicert", CallPriority.SUBMISSION, Mono.just("placed")).block(Duration.ofSeconds(1));

		long start = System.nanoTime();
		assertThatThrownBy(() -> budget.spend("digicert", CallPriority.DOWNLOAD, Mono.just("pem")).block())
			.isInstanceOfSatisfying(CaUnavailable.OverBudget.class,
					refused -> assertThat(refused.retryAfter()).isGreaterThan(Duration.ofSeconds(2)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
		assertThat(count("rvssl.ca.budget.refused", "download")).isEqualTo(1);
	}

	@Test
	void aCallerThatGivesUpLeavesTheLineAndSpendsNoPermit() {
		CaBudget budget = budget(1, PERIOD, Duration.ofSeconds(10));
		spendThePeriodEarly(budget, 1);
		AtomicInteger ran = new AtomicInteger();

		Disposable abandoned = budget
			.spend("digicert", CallPriority.SUBMISSION, Mono.fromRunnable(ran::incrementAndGet))
			.subscribe();
		assertThat(meters.get("rvssl.ca.budget.waiting").tags("priority", "submission").gauge().value()).isEqualTo(1);
		abandoned.dispose();
		assertThat(meters.get("rvssl.ca.budget.waiting").tags("priority", "submission").gauge().value()).isZero();

		// the next period's permit stays free for whoever comes
		await().atMost(PERIOD.multipliedBy(2))
			.until(() -> registry.rateLimiter("digicert").getMetrics().getAvailablePermissions() == 1);
		// taken at once: no wait for the period after
		assertThat(budget.spend("digicert", CallPriority.SUBMISSION, Mono.just("placed")).block(PERIOD.dividedBy(4)))
			.isEqualTo("placed");
		assertThat(ran).hasValue(0);
	}

	@Test
	void everyOperationOfTheAdaptersHasAPriority() {
		assertThat(CallPriority.of("place")).isEqualTo(CallPriority.SUBMISSION);
		assertThat(CallPriority.of("find")).isEqualTo(CallPriority.SUBMISSION);
		assertThat(CallPriority.of("reissue")).isEqualTo(CallPriority.CHANGE);
		assertThat(CallPriority.of("status")).isEqualTo(CallPriority.STATUS);
		assertThat(CallPriority.of("download")).isEqualTo(CallPriority.DOWNLOAD);
		assertThatThrownBy(() -> CallPriority.of("delete")).isInstanceOf(IllegalArgumentException.class);
	}

	private RateLimiterRegistry registry;

	private CaBudget budget(int limit, Duration period, Duration timeout) {
		return new CaBudget(limiters(limit, period, timeout), new CaBudgetProperties(0.2, Duration.ofSeconds(5)),
				meters);
	}

	/**
	 * Spends the limit of a period with at least half of that period left, so that the
	 * calls the test makes next find no permit free and wait for the next period.
	 */
	private void spendThePeriodEarly(CaBudget budget, int limit) {
		await().atMost(PERIOD.multipliedBy(5)).until(() -> {
			for (int i = 0; i < limit; i++) {
				budget.spend("digicert", CallPriority.SUBMISSION, Mono.just(i)).block(PERIOD.multipliedBy(2));
			}
			return ((AtomicRateLimiter.AtomicRateLimiterMetrics) registry.rateLimiter("digicert").getMetrics())
				.getNanosToWait() > PERIOD.toNanos() / 2;
		});
	}

	/** A budget counter of the default DigiCert account, by priority. */
	private double count(String name, String priority) {
		return meters.counter(name, "ca", "digicert", "account", "default", "priority", priority).count();
	}

	private RateLimiterRegistry limiters(int limit, Duration period, Duration timeout) {
		registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(limit)
			.limitRefreshPeriod(period)
			.timeoutDuration(timeout)
			.build());
		return registry;
	}

}
