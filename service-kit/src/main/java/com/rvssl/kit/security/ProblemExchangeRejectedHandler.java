package com.rvssl.kit.security;

import com.rvssl.kit.problem.ProblemResponses;
import com.rvssl.kit.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request Spring Security's firewall refuses (an encoded slash or percent, {@code ..},
 * {@code ;params}, {@code //}, a NUL or another unprintable character in the path): 400
 * with a problem like every other bad input, instead of the firewall's empty 400.
 */
class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		return ProblemResponses.write(exchange, Problems.of(HttpStatus.BAD_REQUEST, "rejected-request",
				"Rejected request", "The request's path or headers are not allowed: " + ex.getMessage()));
	}

}
