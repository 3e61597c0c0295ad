package com.rvssl.billing.page;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's masked (BREACH-safe) CSRF tokens, except that a tampered token which
 * no longer decodes counts as no token (a refused form) instead of failing the request
 * with a server error.
 */
class MaskedCsrfTokens implements ServerCsrfTokenRequestHandler {

	private final XorServerCsrfTokenRequestAttributeHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
		masked.handle(exchange, csrfToken);
	}

	@Override
	public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
		return masked.resolveCsrfTokenValue(exchange, csrfToken)
			.onErrorResume(IllegalArgumentException.class, (ex) -> Mono.empty());
	}

}
