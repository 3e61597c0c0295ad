package com.rvssl.billing.page;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Ends a page session at its absolute lifetime, however active it is: the open page asks
 * for statuses every few seconds, which would otherwise keep the idle timeout from ever
 * firing.
 */
class SessionLifetime implements WebFilter {

	private final Duration lifetime;

	private final Clock clock;

	private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

	SessionLifetime(Duration lifetime, Clock clock) {
		this.lifetime = lifetime;
		this.clock = clock;
		redirect.setHttpStatus(HttpStatus.SEE_OTHER);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return exchange.getSession().flatMap((session) -> {
			Instant signedInAt = session.getAttribute(PageSecurity.SIGNED_IN_AT);
			if (signedInAt != null && !clock.instant().isBefore(signedInAt.plus(lifetime))) {
				return session.invalidate().then(redirect.sendRedirect(exchange, URI.create("/sign-in?expired")));
			}
			return chain.filter(exchange);
		});
	}

}
