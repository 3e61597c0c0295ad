package com.rvssl.order.security;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@code Authorization: Bearer <key>} on every {@code /api/} call: the operator when the key's hash
 * is the configured one, else the reseller registered with that hash, else 401.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyAuthentication implements WebFilter {

	private static final String BEARER = "Bearer ";

	private final ResellerDirectory resellers;

	private final String operatorKeyHash;

	public ApiKeyAuthentication(ResellerDirectory resellers, SecurityProperties properties) {
		this.resellers = resellers;
		this.operatorKeyHash = (properties.operatorKeyHash() != null) ? properties.operatorKeyHash().trim() : "";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				|| header.substring(BEARER.length()).isBlank()) {
			return unauthorized(exchange);
		}
		String hash = ApiKeys.hash(header.substring(BEARER.length()).trim());
		if (!operatorKeyHash.isEmpty() && operatorKeyHash.equalsIgnoreCase(hash)) {
			return proceed(exchange, chain, Caller.theOperator());
		}
		return resellers.findByKeyHash(hash)
			.flatMap((reseller) -> proceed(exchange, chain, Caller.reseller(reseller.id())).thenReturn(Boolean.TRUE))
			.switchIfEmpty(Mono.defer(() -> unauthorized(exchange).thenReturn(Boolean.FALSE)))
			.then();
	}

	private static Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, Caller caller) {
		exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
		return chain.filter(exchange);
	}

	private static Mono<Void> unauthorized(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return ProblemWriter.write(exchange, HttpStatus.UNAUTHORIZED, "a valid API key is required: Authorization: Bearer <key>");
	}

}
