package com.rvssl.gateway.adapters;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one way to call a CA: each call runs under that CA's time limiter inside its circuit breaker
 * (both named after the CA and configured under {@code resilience4j.*.instances.<ca>}), is timed
 * ({@code rvssl.ca.calls}) and, when it fails, counted ({@code rvssl.ca.errors}), tagged by CA,
 * operation and outcome. Retrying is the caller's business: only it knows whether a retry is safe.
 */
@Component
public class CaCalls {

	private final CircuitBreakerRegistry circuitBreakers;

	private final TimeLimiterRegistry timeLimiters;

	private final MeterRegistry meters;

	public CaCalls(CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters, MeterRegistry meters) {
		this.circuitBreakers = circuitBreakers;
		this.timeLimiters = timeLimiters;
		this.meters = meters;
	}

	public <T> Mono<T> call(String ca, String operation, Mono<T> call) {
		CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(ca);
		TimeLimiter timeLimiter = timeLimiters.timeLimiter(ca);
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(meters);
			return call.transformDeferred(TimeLimiterOperator.of(timeLimiter))
				.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
				.onErrorMap(failure -> classify(ca, timeLimiter, failure))
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
		if (failure instanceof TimeoutException) {
			return new CaUnavailable(ca + " did not answer within "
					+ timeLimiter.getTimeLimiterConfig().getTimeoutDuration(), failure);
		}
		if (failure instanceof CaUnavailable || failure instanceof CaRefusal) {
			return failure;
		}
		// Anything else (a bug in an adapter, an unexpected codec error) leaves the outcome unknown.
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
		return "unavailable";
	}

}
