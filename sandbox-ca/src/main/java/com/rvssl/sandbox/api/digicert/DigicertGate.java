package com.rvssl.sandbox.api.digicert;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.rvssl.sandbox.SandboxProperties;

/**
 * The door of the DigiCert API: the {@code X-DC-DEVKEY} key first (any of the configured
 * keys, each its own account), then that key's request limits. The key's account goes on
 * to the endpoints as the request attribute {@link #ACCOUNT}: each account sees only its
 * own orders and webhooks.
 */
@Component
class DigicertGate implements WebFilter, Ordered {

	static final String BASE_PATH = "/services/v2";

	static final String API_KEY_HEADER = "X-DC-DEVKEY";

	/** The request attribute naming the caller's account. */
	static final String ACCOUNT = "sandbox.digicert.account";

	private final SandboxProperties.Digicert keys;

	private final RequestLimits limits;

	DigicertGate(SandboxProperties properties, RequestLimits limits) {
		this.keys = properties.digicert();
		this.limits = limits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.equals(BASE_PATH) && !path.startsWith(BASE_PATH + "/")) {
			return chain.filter(exchange);
		}
		String key = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
		String account = (key != null) ? this.keys.accountOf(key).orElse(null) : null;
		if (account == null) {
			return DigicertErrors.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "invalid_api_key",
					"The API key is missing or invalid.");
		}
		if (!this.limits.tryAcquire(key)) {
			exchange.getResponse().getHeaders().set("Retry-After", "5");
			return DigicertErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "request_limit_exceeded",
					"Too many requests: the limit is 100 per 5 seconds and 1000 per 5 minutes.");
		}
		exchange.getAttributes().put(ACCOUNT, account);
		return chain.filter(exchange);
	}

	/** After the fault injection, which must be able to answer for a CA that is down. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
