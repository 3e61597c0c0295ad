package com.rvssl.kit.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Spring's own web errors (unreadable JSON, unsupported media type, no such route, method
 * not allowed, a missing header, {@code ErrorResponseException}s a service throws) in the
 * platform's problem shape; bean validation failures name their fields in {@code errors}.
 * A 415, 405 or 406 says in its detail what the route takes instead. A service maps its
 * own exceptions in an advice of its own, with {@link Problems#of}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = Problems.of(status, "invalid-request", "Invalid request", "The request is not valid.");
		List<InvalidField> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return handleExceptionInternal(ex, Problems.withErrors(problem, errors), headers, status, exchange);
	}

	/**
	 * A constraint on a path variable, query parameter or header ({@code @Size},
	 * {@code @Max}...): named by the parameter, like a body's fields.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<InvalidField> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String parameter = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = (error instanceof FieldError fieldError) ? fieldError.getField() : parameter;
				errors.add(new InvalidField(String.valueOf(field), String.valueOf(error.getDefaultMessage())));
			}
		});
		String detail = errors.isEmpty() ? "The request is not valid."
				: errors.get(0).field() + " " + errors.get(0).message() + ".";
		ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(400), "invalid-request", "Invalid request", detail);
		return handleExceptionInternal(ex, Problems.withErrors(problem, errors), headers, HttpStatusCode.valueOf(400),
				exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleUnsupportedMediaTypeStatusException(
			UnsupportedMediaTypeStatusException ex, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		String given = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		String supported = mediaTypes(ex.getSupportedMediaTypes());
		String detail = ((given != null) ? "Content-Type '" + given + "' is not supported"
				: "A Content-Type is required") + (supported.isEmpty() ? "." : "; send " + supported + ".");
		return handleExceptionInternal(ex,
				Problems.of(status, "unsupported-media-type", "Unsupported media type", detail), headers, status,
				exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleMethodNotAllowedException(MethodNotAllowedException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		String allowed = ex.getSupportedMethods()
			.stream()
			.map(HttpMethod::name)
			.sorted()
			.collect(Collectors.joining(", "));
		String detail = ex.getHttpMethod() + " is not allowed here"
				+ (allowed.isEmpty() ? "." : "; allowed: " + allowed + ".");
		return handleExceptionInternal(ex, Problems.of(status, "method-not-allowed", "Method not allowed", detail),
				headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleNotAcceptableStatusException(NotAcceptableStatusException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		String supported = mediaTypes(ex.getSupportedMediaTypes());
		String detail = "None of the types in Accept can be produced"
				+ (supported.isEmpty() ? "." : "; this resource is available as " + supported + ".");
		return handleExceptionInternal(ex, Problems.of(status, "not-acceptable", "Not acceptable", detail), headers,
				status, exchange);
	}

	// Completed here, not in handleExceptionInternal: Spring's own handlers call that
	// without a body, and it takes the exception's problem only just before calling this.
	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		if (body instanceof ProblemDetail problem) {
			Problems.completed(problem);
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.addAll(headers);
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return super.createResponseEntity(body, problemHeaders, status, exchange);
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	private static String mediaTypes(Collection<MediaType> types) {
		return types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
	}

}
