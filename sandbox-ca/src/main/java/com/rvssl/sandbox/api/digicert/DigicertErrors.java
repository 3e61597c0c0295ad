package com.rvssl.sandbox.api.digicert;

import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * DigiCert's error body, {@code {"errors":[{"code": "...", "message": "..."}]}}, which
 * every refusal of the API carries, whether a controller or a filter refuses.
 */
public record DigicertErrors(List<Error> errors) {

	public record Error(String code, String message) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static DigicertErrors of(String code, String message) {
		return new DigicertErrors(List.of(new Error(code, message)));
	}

	/**
	 * Writes the error as the whole response, for filters that answer before any
	 * controller.
	 */
	public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String code, String message) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsBytes(of(code, message)));
		return response.writeWith(Mono.just(body));
	}
}
