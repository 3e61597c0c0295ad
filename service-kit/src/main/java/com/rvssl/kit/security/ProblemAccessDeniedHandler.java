package com.rvssl.kit.security;

import reactor.core.publisher.Mono;

import com.rvssl.kit.problem.ProblemResponses;
import com.rvssl.kit.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** A known key that may not do this: 403 as a problem. */
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return ProblemResponses.write(exchange,
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed with this key", denied.getMessage()));
	}

}
