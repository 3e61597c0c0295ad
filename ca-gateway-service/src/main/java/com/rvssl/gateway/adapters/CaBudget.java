package com.rvssl.gateway.adapters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * the account's Resilience4j rate limiter ({@link CaAccount#limiter()}: the CA's default
 * account spends {@code resilience4j.ratelimiter.instances.<ca>}, any other
 * {@code <ca>-<name>}, configured like the CA's unless configured under its own name): it
 * alone counts permits, so the account's limit holds whatever the mix of calls, and an
 * account that has spent its budget holds back its own calls only.
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
 * Reads check and take under one lock per account so that a crowd of them cannot all pass
 * the check on the same free permits; queueing calls take no lock (a submission that
 * slips in between costs a read at most a permit of the next period).
 * <p>
 * Metrics, tagged by CA, account and priority: {@code rvssl.ca.budget.permits} (permits
 * taken), {@code rvssl.ca.budget.refused} and {@code rvssl.ca.budget.waiting} (calls
 * holding a permit of a coming period); the free permits are Resilience4j's
 * {@code resilience4j.ratelimiter.available.permissions}, by limiter name.
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
	 * The call, subscribed once it holds a permit of the budget of the CA's default
	 * account.
	 */
	public <T> Mono<T> spend(String ca, CallPriority priority, Mono<T> call) {
		return spend(CaAccount.defaultOf(ca), priority, call);
	}

	/**
	 * The call, subscribed once it holds a permit of the account's budget; a
	 * {@link CaUnavailable.OverBudget} error, at once, if it may not have one.
	 */
	public <T> Mono<T> spend(CaAccount account, CallPriority priority, Mono<T> call) {
		return Mono.defer(() -> {
			RateLimiter limiter = limiter(account);
			AtomicInteger waiters = waiting(account, priority);
			long nanosToWait = priority.queues() ? limiter.reservePermission() : takeFreePermit(limiter);
			if (nanosToWait < 0) {
				counter("rvssl.ca.budget.refused", "Calls refused for lack of CA budget", account, priority)
					.increment();
				return Mono.error(new CaUnavailable.OverBudget(account.toString(), priority,
						limiter.getRateLimiterConfig().getLimitRefreshPeriod()));
			}
			counter("rvssl.ca.budget.permits", "Permits of the CA budget taken", account, priority).increment();
			if (nanosToWait == 0) {
				return call;
			}
			waiters.incrementAndGet();
			// no longer waiting once the permit's period has come (before the call runs,
			// so
			// whoever sees the call's outcome sees the gauge down), or when given up
			AtomicBoolean left = new AtomicBoolean();
			Runnable leave = () -> {
				if (left.compareAndSet(false, true)) {
					waiters.decrementAndGet();
				}
			};
			return Mono.delay(Duration.ofNanos(nanosToWait)).doOnTerminate(leave).doOnCancel(leave).then(call);
		});
	}

	/**
	 * Makes the account's budget ready before its first call, so its limiter and gauges
	 * are in the metrics from the start.
	 */
	public void open(CaAccount account) {
		limiter(account);
		waiting(account, CallPriority.SUBMISSION);
	}

	/**
	 * The account's rate limiter: the CA's own for its default account; for another, the
	 * one configured under {@code <ca>-<name>}, else one made now with the CA's
	 * configuration.
	 */
	RateLimiter limiter(CaAccount account) {
		if (account.isDefault()) {
			return rateLimiters.rateLimiter(account.ca());
		}
		return rateLimiters.find(account.limiter())
			.orElseGet(() -> rateLimiters.rateLimiter(account.limiter(),
					rateLimiters.rateLimiter(account.ca()).getRateLimiterConfig()));
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

	private Counter counter(String name, String description, CaAccount account, CallPriority priority) {
		return Counter.builder(name).description(description).tags(tags(account, priority)).register(meters);
	}

	private AtomicInteger waiting(CaAccount account, CallPriority priority) {
		String key = account.limiter() + "/";
		AtomicInteger waiters = waiting.get(key + priority);
		if (waiters != null) {
			return waiters;
		}
		// the account's first call: its gauges, for every priority, from now on
		for (CallPriority each : CallPriority.values()) {
			waiting.computeIfAbsent(key + each,
					name -> meters.gauge("rvssl.ca.budget.waiting", tags(account, each), new AtomicInteger()));
		}
		return waiting.get(key + priority);
	}

	private static Tags tags(CaAccount account, CallPriority priority) {
		return Tags.of("ca", account.ca(), "account", account.name(), "priority", priority.name().toLowerCase());
	}

}
