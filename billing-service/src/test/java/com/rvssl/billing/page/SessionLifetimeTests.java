package com.rvssl.billing.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifetimeTests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	private final SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(8), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aSessionSignedInLongerAgoThanItsLifetimeEndsAndGoesToTheSignInPageSayingSo() {
		MockServerWebExchange exchange = signedInAt(NOW.minus(Duration.ofHours(8)));
		AtomicBoolean passedOn = new AtomicBoolean();

		lifetime.filter(exchange, (next) -> Mono.fromRunnable(() -> passedOn.set(true))).block();

		assertThat(passedOn).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(exchange.getResponse().getHeaders().getLocation()).hasToString("/sign-in?expired");
		assertThat(exchange.getSession().block().isExpired()).isTrue();
	}

	@Test
	void aSessionWithinItsLifetimeGoesOn() {
		MockServerWebExchange exchange = signedInAt(NOW.minus(Duration.ofHours(7)));
		AtomicBoolean passedOn = new AtomicBoolean();

		lifetime.filter(exchange, (next) -> Mono.fromRunnable(() -> passedOn.set(true))).block();

		assertThat(passedOn).isTrue();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	private static MockServerWebExchange signedInAt(Instant at) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/account"));
		WebSession session = exchange.getSession().block();
		session.getAttributes().put(PageSecurity.SIGNED_IN_AT, at);
		return exchange;
	}

}
