package com.rvssl.kit.security;

import reactor.core.publisher.Mono;

import com.rvssl.kit.problem.ProblemResponses;
import com.rvssl.kit.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request the firewall refuses (a path that is not normalized, path parameters, encoded
 * separators, control characters): 400 as a problem, before any authentication or
 * routing, so it reaches nothing.
 */
class ProblemRejectedHandler implements ServerExchangeRejectedHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		return ProblemResponses.write(exchange,
				Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "Request rejected",
						"The request was rejected: its path must be normalized, without ';' parameters,"
								+ " encoded '/', '.', '%' or '\\', or control characters."));
	}

}
