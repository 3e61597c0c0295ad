package com.rvssl.kit.problem;

import java.net.URI;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a problem from a web filter (authentication, rate limits, body size), which
 * answers before any controller or exception handler runs and so must write the body
 * itself.
 */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		if (problem.getInstance() == null) {
			problem.setInstance(instanceOf(exchange));
		}
		byte[] body = JSON.writeValueAsBytes(Problems.members(Problems.completed(problem)));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * The request's path as the problem's instance; none when the path is no valid URI
	 * reference (a request the firewall refused may carry anything).
	 */
	private static URI instanceOf(ServerWebExchange exchange) {
		try {
			return URI.create(exchange.getRequest().getPath().value());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
