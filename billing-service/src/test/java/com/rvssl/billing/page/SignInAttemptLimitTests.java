package com.rvssl.billing.page;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAttemptLimitTests {

	private final SignInAttemptLimit limit = new SignInAttemptLimit(new SignInAttempts(1, Duration.ofMinutes(1), 100));

	private final List<ServerWebExchange> passedOn = new ArrayList<>();

	@Test
	void anAttemptOverTheLimitGoesOnAsTheSignInPageWithTheWaitAndIsNeverChecked() throws Exception {
		filter(signIn("203.0.113.7", null));
		filter(signIn("203.0.113.7", null));

		assertThat(passedOn.get(0).getRequest().getMethod()).isEqualTo(HttpMethod.POST);
		assertThat(passedOn.get(0).<Long>getAttribute(SignInAttemptLimit.RETRY_AFTER)).isNull();
		assertThat(passedOn.get(1).getRequest().getMethod()).as("answered as the page").isEqualTo(HttpMethod.GET);
		assertThat(passedOn.get(1).<Long>getAttribute(SignInAttemptLimit.RETRY_AFTER)).isEqualTo(60L);
	}

	@Test
	void withoutForwardedHeaderHandlingAnXForwardedForHeaderDoesNotChangeTheAddress() throws Exception {
		filter(signIn("203.0.113.7", "198.51.100.1"));
		filter(signIn("203.0.113.7", "198.51.100.2"));

		assertThat(passedOn.get(1).<Long>getAttribute(SignInAttemptLimit.RETRY_AFTER)).isPositive();
	}

	@Test
	void otherRequestsAreNotCounted() throws Exception {
		for (int i = 0; i < 5; i++) {
			filter(MockServerWebExchange
				.from(MockServerHttpRequest.get("/sign-in").remoteAddress(address("203.0.113.7"))));
		}
		filter(signIn("203.0.113.7", null));

		assertThat(passedOn)
			.allSatisfy((exchange) -> assertThat(exchange.<Long>getAttribute(SignInAttemptLimit.RETRY_AFTER)).isNull());
	}

	private void filter(MockServerWebExchange exchange) {
		limit.filter(exchange, (next) -> Mono.fromRunnable(() -> passedOn.add(next))).block();
	}

	private static MockServerWebExchange signIn(String client, String forwardedFor) throws Exception {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/sign-in")
			.remoteAddress(address(client));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return MockServerWebExchange.from(request);
	}

	private static InetSocketAddress address(String client) throws Exception {
		return new InetSocketAddress(InetAddress.getByName(client), 40_000);
	}

}
