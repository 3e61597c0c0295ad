package com.rvssl.order.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/** Filters answer before any controller runs, so they write their problem+json themselves. */
final class ProblemWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemWriter() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
		return write(exchange, status, "about:blank", status.getReasonPhrase(), detail);
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
		// the fields of a ProblemDetail, without the web stack's Jackson mix-ins that filters run before
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		var response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
