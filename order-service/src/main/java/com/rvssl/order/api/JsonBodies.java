package com.rvssl.order.api;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.rvssl.kit.problem.InvalidField;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Reads a request body ourselves rather than through {@code @RequestBody}, because the
 * raw text matters: a pasted private key is refused wherever it appears, and an
 * idempotent repeat is recognised by the hash of the request. Then JSON mapping and bean
 * validation, each failure a 400 naming the field. Only JSON is read: a body of another
 * (or no) content type is a 415, as Spring's {@code consumes} would answer, because a
 * body read by hand skips that check.
 */
@Component
class JsonBodies {

	private final JsonMapper json;

	private final Validator validator;

	private final int maxBodyBytes;

	JsonBodies(JsonMapper json, Validator validator, @Value("${rvssl.api.max-body-bytes:65536}") int maxBodyBytes) {
		this.json = json;
		this.validator = validator;
		this.maxBodyBytes = maxBodyBytes;
	}

	<T> Mono<Body<T>> read(ServerWebExchange exchange, Class<T> type) {
		return Mono.fromRunnable(() -> requireJson(exchange)).then(text(exchange)).map((text) -> parse(text, type));
	}

	/**
	 * For endpoints whose body may be left out: empty when there is none; a body there
	 * must be JSON.
	 */
	<T> Mono<Body<T>> readOptional(ServerWebExchange exchange, Class<T> type) {
		return text(exchange).filter((text) -> !text.isBlank()).map((text) -> {
			requireJson(exchange);
			return parse(text, type);
		});
	}

	private static void requireJson(ServerWebExchange exchange) {
		MediaType contentType;
		try {
			contentType = exchange.getRequest().getHeaders().getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			contentType = null;
		}
		if (contentType == null || !MediaType.APPLICATION_JSON.includes(contentType)) {
			throw new UnsupportedMediaTypeStatusException(contentType, List.of(MediaType.APPLICATION_JSON),
					exchange.getRequest().getMethod());
		}
	}

	private Mono<String> text(ServerWebExchange exchange) {
		return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
			.map(JsonBodies::text)
			.onErrorMap(DataBufferLimitException.class, (ex) -> new BodyTooLargeException(maxBodyBytes))
			.defaultIfEmpty("");
	}

	private <T> Body<T> parse(String text, Class<T> type) {
		if (text.isBlank()) {
			throw InvalidRequestException.unreadable("", "a JSON request body is required");
		}
		if (text.contains("PRIVATE KEY")) {
			throw InvalidRequestException.unreadable("",
					"never send a private key: the request contains a PRIVATE KEY block. Send only the CSR; the key stays on the customer's server");
		}
		T value;
		try {
			value = json.readValue(text, type);
		}
		catch (JacksonException ex) {
			throw InvalidRequestException.unreadable(path(ex),
					"malformed JSON or wrong type: " + ex.getOriginalMessage());
		}
		if (value == null) {
			throw InvalidRequestException.unreadable("", "a JSON object is required");
		}
		Set<ConstraintViolation<T>> violations = validator.validate(value);
		if (!violations.isEmpty()) {
			List<InvalidField> errors = violations.stream()
				.map((violation) -> new InvalidField(violation.getPropertyPath().toString(), violation.getMessage()))
				.sorted(Comparator.comparing(InvalidField::field))
				.toList();
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "the request has invalid fields", errors);
		}
		return new Body<>(value, json.writeValueAsString(value));
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String text(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * A checked request and its canonical JSON form (what an idempotent repeat is
	 * compared by).
	 */
	record Body<T>(T value, String canonicalJson) {
	}

	/** More than the API accepts. */
	static class BodyTooLargeException extends RuntimeException {

		BodyTooLargeException(int max) {
			super("request body is over the limit of " + max + " bytes");
		}

	}

}
