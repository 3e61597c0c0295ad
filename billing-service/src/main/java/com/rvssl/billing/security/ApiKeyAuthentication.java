package com.rvssl.billing.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rvssl.billing.accounts.AccountStore;
import com.rvssl.billing.accounts.ApiKeys;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Authenticates every {@code /api/} request by its {@code Authorization: Bearer <key>}: the operator
 * when the key's SHA-256 matches the configured hash, else the reseller whose stored hash matches.
 * Anything else is a 401 problem. Keys are never stored or compared in clear.
 */
@Component
@Order(-100)
class ApiKeyAuthentication implements WebFilter {

	private static final String BEARER = "Bearer ";

	private final AccountStore accounts;

	private final byte[] operatorKeyHash;

	private final JsonMapper json;

	ApiKeyAuthentication(AccountStore accounts, SecurityProperties properties, JsonMapper json) {
		this.accounts = accounts;
		String hash = properties.operatorKeyHash();
		this.operatorKeyHash = (hash == null || hash.isBlank()) ? null
				: hash.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.startsWith(BEARER) || header.length() == BEARER.length()) {
			return unauthorized(exchange, "Send the API key as Authorization: Bearer <key>.");
		}
		String hash = ApiKeys.sha256Hex(header.substring(BEARER.length()).trim());
		if (operatorKeyHash != null
				&& MessageDigest.isEqual(operatorKeyHash, hash.getBytes(StandardCharsets.US_ASCII))) {
			return proceedAs(Caller.theOperator(), exchange, chain);
		}
		return accounts.findByApiKeyHash(hash)
			.flatMap((account) -> proceedAs(Caller.reseller(account.id()), exchange, chain).thenReturn(true))
			.switchIfEmpty(Mono.defer(() -> unauthorized(exchange, "The API key is not known.").thenReturn(true)))
			.then();
	}

	private Mono<Void> proceedAs(Caller caller, ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
		return chain.filter(exchange);
	}

	private Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Unauthorized");
		problem.put("status", 401);
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
	}

}
