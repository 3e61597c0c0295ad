package com.rvssl.sandbox.api.digicert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.rvssl.sandbox.SandboxProperties;

/**
 * The door of the DigiCert API: the {@code X-DC-DEVKEY} key first, then the request
 * limits.
 */
@Component
class DigicertGate implements WebFilter, Ordered {

	static final String BASE_PATH = "/services/v2";

	static final String API_KEY_HEADER = "X-DC-DEVKEY";

	private final byte[] apiKey;

	private final RequestLimits limits;

	DigicertGate(SandboxProperties properties, RequestLimits limits) {
		this.apiKey = properties.digicert().apiKey().getBytes(StandardCharsets.UTF_8);
		this.limits = limits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.equals(BASE_PATH) && !path.startsWith(BASE_PATH + "/")) {
			return chain.filter(exchange);
		}
		String key = exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER);
		if (key == null || !MessageDigest.isEqual(this.apiKey, key.getBytes(StandardCharsets.UTF_8))) {
			return DigicertErrors.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "invalid_api_key",
					"The API key is missing or invalid.");
		}
		if (!this.limits.tryAcquire(key)) {
			exchange.getResponse().getHeaders().set("Retry-After", "5");
			return DigicertErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "request_limit_exceeded",
					"Too many requests: the limit is 100 per 5 seconds and 1000 per 5 minutes.");
		}
		return chain.filter(exchange);
	}

	/** After the fault injection, which must be able to answer for a CA that is down. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
