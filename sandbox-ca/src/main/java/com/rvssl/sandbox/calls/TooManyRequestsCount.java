package com.rvssl.sandbox.calls;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts the CA API calls answered 429, whoever answered so (the request limits, or a
 * fault a test set): outermost, so that it sees every answer.
 */
@Component
class TooManyRequestsCount implements WebFilter, Ordered {

	private final CallLog calls;

	TooManyRequestsCount(CallLog calls) {
		this.calls = calls;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		String api = path.startsWith("/services/v2/") ? "digicert" : path.startsWith("/products/") ? "sectigo" : null;
		if (api != null) {
			exchange.getResponse().beforeCommit(() -> {
				if (HttpStatus.TOO_MANY_REQUESTS.equals(exchange.getResponse().getStatusCode())) {
					this.calls.tooManyRequests(api);
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

}
