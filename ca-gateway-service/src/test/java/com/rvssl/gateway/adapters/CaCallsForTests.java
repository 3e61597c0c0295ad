package com.rvssl.gateway.adapters;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * CaCalls with default instances, a patient time limiter (busy CI machines) and no retry,
 * so that a contract test sees each answer of the CA as it is.
 */
public final class CaCallsForTests {

	private CaCallsForTests() {
	}

	public static CaCalls withoutRetry() {
		return new CaCalls(CircuitBreakerRegistry.ofDefaults(),
				TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(20)).build()),
				BulkheadRegistry.ofDefaults(),
				new CaBudget(RateLimiterRegistry.ofDefaults(), new CaBudgetProperties(0.2, Duration.ofSeconds(5)),
						new SimpleMeterRegistry()),
				RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build()), new SimpleMeterRegistry());
	}

}
