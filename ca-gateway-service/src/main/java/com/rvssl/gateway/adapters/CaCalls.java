package com.rvssl.gateway.adapters;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one way to call a CA. Each call runs, innermost first, in that CA's bulkhead
 * (concurrent calls), time limiter, the budget of the CA account it is made with (the
 * CA's published limits per key, shared by the calls with priorities: {@link CaBudget}),
 * the CA's circuit breaker and, for calls safe to repeat only, its retry (exponential
 * backoff with jitter), all but the budget named after the CA and configured under
 * {@code resilience4j.*.instances.<ca>}, as Resilience4j's own annotations order them.
 * Each call is timed ({@code rvssl.ca.calls}) and, when it fails, counted
 * ({@code rvssl.ca.errors}), tagged by CA, operation and outcome. Orders are not retried
 * here: only the submission knows how to retry them safely (looking the reference up
 * first).
 */
@Component
public class CaCalls {

	private final CircuitBreakerRegistry circuitBreakers;

	private final TimeLimiterRegistry timeLimiters;

	private final BulkheadRegistry bulkheads;

	private final CaBudget budget;

	private final RetryRegistry retries;

	private final MeterRegistry meters;

	public CaCalls(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters, BulkheadRegistry bulkheads,
			CaBudget budget, RetryRegistry retries, MeterRegistry meters) {
		this.circuitBreakers = circuitBreakers;
		this.timeLimiters = timeLimiters;
		this.bulkheads = bulkheads;
		this.budget = budget;
		this.retries = retries;
		this.meters = meters;
	}

	/**
	 * A call that must not be repeated blindly (placing an order, reissuing, cancelling).
	 */
	public <T> Mono<T> call(CaAccount account, String operation, Mono<T> call) {
		return guarded(account, operation, call, false);
	}

	/**
	 * A call that changes the CA's order to a given value, so doing it twice does no harm
	 * (the DCV method): retried on CaUnavailable like a read.
	 */
	public <T> Mono<T> repeatable(CaAccount account, String operation, Mono<T> call) {
		return guarded(account, operation, call, true);
	}

	/**
	 * A call that changes nothing at the CA (status, search, download): retried on
	 * CaUnavailable.
	 */
	public <T> Mono<T> read(CaAccount account, String operation, Mono<T> call) {
		return guarded(account, operation, call, true);
	}

	/**
	 * Makes the account's budget ready before its first call (see {@link CaBudget#open}).
	 */
	public void open(CaAccount account) {
		budget.open(account);
	}

	private <T> Mono<T> guarded(CaAccount account, String operation, Mono<T> call, boolean retried) {
		String ca = account.ca();
		CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(ca);
		TimeLimiter timeLimiter = timeLimiters.timeLimiter(ca);
		Bulkhead bulkhead = bulkheads.bulkhead(ca);
		CallPriority priority = CallPriority.of(operation);
		Retry retry = retries.retry(ca);
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(meters);
			Mono<T> once = call.transformDeferred(BulkheadOperator.of(bulkhead))
				.transformDeferred(TimeLimiterOperator.of(timeLimiter))
				.transform(limited -> budget.spend(account, priority, limited))
				.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
				.onErrorMap(failure -> classify(ca, timeLimiter, failure));
			return (retried ? once.transformDeferred(RetryOperator.of(retry)) : once)
				.doOnSuccess(result -> record(sample, ca, operation, "success"))
				.doOnError(failure -> {
					String outcome = outcome(failure);
					record(sample, ca, operation, outcome);
					Counter.builder("rvssl.ca.errors")
						.description("Failed calls to a CA")
						.tag("ca", ca)
						.tag("operation", operation)
						.tag("outcome", outcome)
						.register(meters)
						.increment();
				});
		});
	}

	private void record(Timer.Sample sample, String ca, String operation, String outcome) {
		sample.stop(Timer.builder("rvssl.ca.calls")
			.description("Latency of calls to a CA")
			.tag("ca", ca)
			.tag("operation", operation)
			.tag("outcome", outcome)
			.register(meters));
	}

	private static Throwable classify(String ca, TimeLimiter timeLimiter, Throwable failure) {
		if (failure instanceof CallNotPermittedException) {
			return new CaUnavailable.CircuitOpen(ca);
		}
		if (failure instanceof BulkheadFullException || failure instanceof RequestNotPermitted) {
			return new CaUnavailable(ca + " is busy (" + failure.getMessage() + ")", failure);
		}
		if (failure instanceof TimeoutException) {
			return new CaUnavailable.NoAnswer(
					ca + " did not answer within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration(), failure);
		}
		if (failure instanceof CaUnavailable || failure instanceof CaRefusal) {
			return failure;
		}
		// Anything else (a bug in an adapter, an unexpected codec error) leaves the
		// outcome unknown.
		return new CaUnavailable(ca + " call failed: " + failure, failure);
	}

	private static String outcome(Throwable failure) {
		if (failure instanceof CaUnavailable.CircuitOpen) {
			return "circuit_open";
		}
		if (failure instanceof CaRefusal) {
			return "refused";
		}
		if (failure.getCause() instanceof TimeoutException) {
			return "timeout";
		}
		if (failure instanceof CaUnavailable.OverBudget) {
			return "over_budget";
		}
		if (failure.getCause() instanceof BulkheadFullException || failure.getCause() instanceof RequestNotPermitted) {
			return "throttled";
		}
		return "unavailable";
	}

}
