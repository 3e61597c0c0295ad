package com.rvssl.kit.security;

import reactor.core.publisher.Mono;

import com.rvssl.kit.problem.ProblemResponses;
import com.rvssl.kit.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * No key, or a key nobody has: 401 with {@code WWW-Authenticate: Bearer} and a problem
 * that says which.
 */
class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		String detail = (ex instanceof BadCredentialsException) ? ex.getMessage()
				: "A valid API key is required: Authorization: Bearer <key>.";
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return ProblemResponses.write(exchange,
				Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail));
	}

}
