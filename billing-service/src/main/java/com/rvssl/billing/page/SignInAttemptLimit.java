package com.rvssl.billing.page;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits sign-in attempts per client address ({@link SignInAttempts}), counting every
 * {@code POST /sign-in}, with or without a valid form, before any other work. An attempt
 * over the limit is not checked at all: it is answered as the sign-in page with 429 and
 * {@code Retry-After}, which {@link SignInPageController} renders when this filter has
 * turned the request into a {@code GET} (as Spring's {@code HiddenHttpMethodFilter} turns
 * methods) and left the wait in {@link #RETRY_AFTER}.
 *
 * <p>
 * The client address is the connection's, or what Spring's forwarded-header handling made
 * of {@code X-Forwarded-For} when {@code server.forward-headers-strategy} enables it
 * (only behind a proxy that sets that header itself: otherwise a client picks its own
 * address).
 */
final class SignInAttemptLimit implements WebFilter {

	/** The exchange attribute holding the seconds to wait, for the page. */
	static final String RETRY_AFTER = "rvssl.page.signInRetryAfter";

	private static final ServerWebExchangeMatcher SIGN_IN = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
			"/sign-in");

	private final SignInAttempts attempts;

	SignInAttemptLimit(SignInAttempts attempts) {
		this.attempts = attempts;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return SIGN_IN.matches(exchange).flatMap((match) -> {
			if (!match.isMatch()) {
				return chain.filter(exchange);
			}
			long retryAfter = attempts.take(exchange.getRequest().getRemoteAddress(), System.nanoTime());
			if (retryAfter == 0) {
				return chain.filter(exchange);
			}
			exchange.getAttributes().put(RETRY_AFTER, retryAfter);
			return chain.filter(exchange.mutate().request((request) -> request.method(HttpMethod.GET)).build());
		});
	}

}
