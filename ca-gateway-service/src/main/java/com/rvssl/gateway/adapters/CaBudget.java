package com.rvssl.gateway.adapters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One budget per CA account, shared by every kind of call with priorities. The budget is
 * the CA's Resilience4j rate limiter ({@code resilience4j.ratelimiter.instances.<ca>}):
 * it alone counts permits, so the CA's limit holds whatever the mix of calls.
 * <p>
 * Submissions and changes ({@link CallPriority#queues()}) reserve a permit as
 * Resilience4j's own operator does: at once if one is free, else one of a coming period,
 * in arrival order, as long as the wait stays within the limiter's
 * {@code timeout-duration}; past that they are refused at once. Reads (status, download)
 * never queue: they take a permit only while more than the read reserve
 * ({@link CaBudgetProperties#readReserve()}) is free in the current period, so they leave
 * that much to the queueing calls and cannot take a permit any queued call holds (a queue
 * shows as free permits below zero). Otherwise they are refused at once with
 * {@link CaUnavailable.OverBudget} (503, "ask again later" to status-sync), never waiting
 * past their caller's time-out and never holding a permit nobody uses. A flood of reads
 * thus delays a submission by at most one refresh period.
 * <p>
 * Reads check and take under one lock per CA so that a crowd of them cannot all pass the
 * check on the same free permits; queueing calls take no lock (a submission that slips in
 * between costs a read at most a permit of the next period).
 * <p>
 * Metrics, tagged by CA and priority: {@code rvssl.ca.budget.permits} (permits taken),
 * {@code rvssl.ca.budget.refused} and {@code rvssl.ca.budget.waiting} (calls holding a
 * permit of a coming period); the free permits are Resilience4j's
 * {@code resilience4j.ratelimiter.available.permissions}.
 */
@Component
public class CaBudget {

	private final RateLimiterRegistry rateLimiters;

	private final CaBudgetProperties properties;

	private final MeterRegistry meters;

	private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();

	public CaBudget(RateLimiterRegistry rateLimiters, CaBudgetProperties properties, MeterRegistry meters) {
		this.rateLimiters = rateLimiters;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * The call, subscribed once it holds a permit of the CA's budget; a
	 * {@link CaUnavailable.OverBudget} error, at once, if it may not have one.
	 */
	public <T> Mono<T> spend(String ca, CallPriority priority, Mono<T> call) {
		return Mono.defer(() -> {
			RateLimiter limiter = rateLimiters.rateLimiter(ca);
			AtomicInteger waiters = waiting(ca, priority);
			long nanosToWait = priority.queues() ? limiter.reservePermission() : takeFreePermit(limiter);
			if (nanosToWait < 0) {
				counter("rvssl.ca.budget.refused", "Calls refused for lack of CA budget", ca, priority).increment();
				return Mono.error(new CaUnavailable.OverBudget(ca, priority,
						limiter.getRateLimiterConfig().getLimitRefreshPeriod()));
			}
			counter("rvssl.ca.budget.permits", "Permits of the CA budget taken", ca, priority).increment();
			if (nanosToWait == 0) {
				return call;
			}
			waiters.incrementAndGet();
			return Mono.delay(Duration.ofNanos(nanosToWait)).doFinally(signal -> waiters.decrementAndGet()).then(call);
		});
	}

	private long takeFreePermit(RateLimiter limiter) {
		RateLimiterConfig config = limiter.getRateLimiterConfig();
		int reserve = (int) Math.ceil(config.getLimitForPeriod() * properties.readReserve());
		synchronized (limiter) {
			if (limiter.getMetrics().getAvailablePermissions() <= reserve) {
				return -1;
			}
			return limiter.reservePermission();
		}
	}

	private Counter counter(String name, String description, String ca, CallPriority priority) {
		return Counter.builder(name).description(description).tags(tags(ca, priority)).register(meters);
	}

	private AtomicInteger waiting(String ca, CallPriority priority) {
		AtomicInteger waiters = waiting.get(ca + "/" + priority);
		if (waiters != null) {
			return waiters;
		}
		// the CA's first call: its gauges, for every priority, from now on
		for (CallPriority each : CallPriority.values()) {
			waiting.computeIfAbsent(ca + "/" + each,
					key -> meters.gauge("rvssl.ca.budget.waiting", tags(ca, each), new AtomicInteger()));
		}
		return waiting.get(ca + "/" + priority);
	}

	private static Tags tags(String ca, CallPriority priority) {
		return Tags.of("ca", ca, "priority", priority.name().toLowerCase());
	}

}
