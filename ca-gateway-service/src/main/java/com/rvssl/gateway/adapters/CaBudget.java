package com.rvssl.gateway.adapters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One budget per CA account, shared by every kind of call with priorities. The budget is
 * the account's Resilience4j rate limiter ({@link CaAccount#limiter()}: the CA's default
 * account spends {@code resilience4j.ratelimiter.instances.<ca>}, any other
 * {@code <ca>-<name>}, configured like the CA's unless configured under its own name): it
 * alone counts permits, so the account's limit holds whatever the mix of calls, and an
 * account that has spent its budget holds back its own calls only.
 * <p>
 * A call takes a free permit at once when nobody of its rank or better waits; otherwise
 * it waits in the account's line ({@link AccountBudget}), served by priority each period:
 * downloads first (they finish orders the CA has issued, at most one each, and wait at
 * most {@link CaBudgetProperties#downloadWait()}, under status-sync's time-out), then
 * submissions and changes in arrival order (up to the limiter's
 * {@code timeout-duration}). Status reads never wait: they take a permit only while
 * nobody waits and more than the read reserve ({@link CaBudgetProperties#readReserve()})
 * is free in the period. A call whose turn would come later than it may wait is refused
 * at once with {@link CaUnavailable.OverBudget} (503, "ask again later" to status-sync;
 * the submission re-attempts later), and one that gives up leaves the line without
 * spending a permit. So a flood of status reads delays a submission by one period at
 * most, and a queue of submissions delays a download by at most the permits of the
 * downloads ahead of it.
 * <p>
 * Metrics, tagged by CA, account and priority: {@code rvssl.ca.budget.permits} (permits
 * taken), {@code rvssl.ca.budget.refused} and {@code rvssl.ca.budget.waiting} (calls in
 * line); the free permits are Resilience4j's
 * {@code resilience4j.ratelimiter.available.permissions}, by limiter name.
 */
@Component
public class CaBudget {

	private final RateLimiterRegistry rateLimiters;

	private final CaBudgetProperties properties;

	private final MeterRegistry meters;

	private final Map<String, AccountBudget> accounts = new ConcurrentHashMap<>();

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
	 * {@link CaUnavailable.OverBudget} error if it may not have one in time.
	 */
	public <T> Mono<T> spend(CaAccount account, CallPriority priority, Mono<T> call) {
		return Mono.defer(() -> {
			AccountBudget budget = budget(account);
			return budget.permit(priority, maxWait(account, priority))
				.doOnSuccess(permit -> counter("rvssl.ca.budget.permits", "Permits of the CA budget taken", account,
						priority)
					.increment())
				.doOnError(CaUnavailable.OverBudget.class,
						refused -> counter("rvssl.ca.budget.refused", "Calls refused for lack of CA budget", account,
								priority)
							.increment())
				.then(call);
		});
	}

	/**
	 * Makes the account's budget ready before its first call, so its limiter and gauges
	 * are in the metrics from the start.
	 */
	public void open(CaAccount account) {
		budget(account);
	}

	/**
	 * The account's rate limiter: the CA's own for its default account; for another, the
	 * one configured under {@code <ca>-<name>}, else one made now with the CA's
	 * configuration.
	 */
	RateLimiter limiter(CaAccount account) {
		if (account.isDefault()) {
			return this.rateLimiters.rateLimiter(account.ca());
		}
		return this.rateLimiters.find(account.limiter())
			.orElseGet(() -> this.rateLimiters.rateLimiter(account.limiter(),
					this.rateLimiters.rateLimiter(account.ca()).getRateLimiterConfig()));
	}

	private Duration maxWait(CaAccount account, CallPriority priority) {
		return switch (priority) {
			case DOWNLOAD -> this.properties.downloadWait();
			case SUBMISSION, CHANGE -> limiter(account).getRateLimiterConfig().getTimeoutDuration();
			case STATUS -> Duration.ZERO;
		};
	}

	private AccountBudget budget(CaAccount account) {
		AccountBudget known = this.accounts.get(account.limiter());
		if (known != null) {
			return known;
		}
		return this.accounts.computeIfAbsent(account.limiter(), name -> {
			// the account's first call: its gauges, for every priority, from now on
			AccountBudget budget = new AccountBudget(account.toString(), limiter(account),
					this.properties.readReserve(), Schedulers.parallel());
			for (CallPriority priority : CallPriority.values()) {
				Gauge.builder("rvssl.ca.budget.waiting", budget.waiting(priority), Number::doubleValue)
					.description("Calls waiting in line for a permit of the CA budget")
					.tags(tags(account, priority))
					.register(this.meters);
			}
			return budget;
		});
	}

	private Counter counter(String name, String description, CaAccount account, CallPriority priority) {
		return Counter.builder(name).description(description).tags(tags(account, priority)).register(this.meters);
	}

	private static Tags tags(CaAccount account, CallPriority priority) {
		return Tags.of("ca", account.ca(), "account", account.name(), "priority", priority.name().toLowerCase());
	}

}
