package com.rvssl.order.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import com.rvssl.kit.problem.ProblemResponses;
import com.rvssl.kit.problem.Problems;
import com.rvssl.kit.security.Caller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Requests per API key, after authentication (so unauthenticated noise cannot use up a
 * reseller's budget): a token bucket per caller, 429 with {@code Retry-After} when it is
 * empty. The buckets are per instance; with N instances behind a balancer a key gets up
 * to N times the rate, which is enough to stop a runaway WHMCS cron without a shared
 * store.
 */
@Component
@Order(RateLimit.AFTER_AUTHENTICATION)
public class RateLimit implements WebFilter {

	/**
	 * Just after Spring Security's filter chain (order -100,
	 * {@code WebFluxSecurityConfiguration}), which leaves the {@link Caller} in the
	 * exchange: before it every request would look anonymous and pass unlimited. The
	 * limit is per caller, never per path: the firewall has refused every path that is
	 * not normalized before this runs, and every other shape of an API path
	 * ({@code /%61pi/}) needs the same key and takes from the same bucket.
	 */
	static final int AFTER_AUTHENTICATION = -100 + 10;

	private final double perSecond;

	private final double burst;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	public RateLimit(@Value("${rvssl.api.rate-limit.requests-per-second:20}") double perSecond,
			@Value("${rvssl.api.rate-limit.burst:40}") double burst) {
		this.perSecond = perSecond;
		this.burst = burst;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Caller caller = Caller.of(exchange);
		if (caller == null) {
			return chain.filter(exchange);
		}
		String key = (caller.role() == Caller.Role.RESELLER) ? caller.resellerId() : caller.role().name();
		long now = System.nanoTime();
		long retryAfter = buckets.computeIfAbsent(key, (k) -> new TokenBucket(perSecond, burst, now)).take(now);
		if (retryAfter == 0) {
			return chain.filter(exchange);
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		String detail = "more than " + (long) perSecond + " requests per second with this API key; retry after "
				+ retryAfter + " s";
		return ProblemResponses.write(exchange,
				Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail));
	}

}
