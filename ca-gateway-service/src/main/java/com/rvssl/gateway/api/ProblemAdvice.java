package com.rvssl.gateway.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every error of this API as {@code application/problem+json}. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(OrderNotFound.class)
	ProblemDetail notFound(OrderNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", ex.getMessage());
	}

	@ExceptionHandler(CertificateNotIssued.class)
	ProblemDetail notIssued(CertificateNotIssued ex) {
		return problem(HttpStatus.CONFLICT, "certificate-not-issued", "Certificate not issued", ex.getMessage());
	}

	@ExceptionHandler(CaUnavailable.class)
	ProblemDetail caUnavailable(CaUnavailable ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "ca-unavailable", "CA unavailable", ex.getMessage());
	}

	@ExceptionHandler(CaRefusal.class)
	ProblemDetail caRefused(CaRefusal ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "ca-refused", "CA refused the request", ex.getMessage());
		problem.setProperty("caCode", ex.code());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail unreadableAnswer(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "ca-answer-unreadable", "CA answer unreadable", ex.getMessage());
	}

	/** Field errors as {@code errors: [{field, message}]} (no request bodies yet; kept for the ones to come). */
	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The request has invalid fields");
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return Mono.just(ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://rvssl.example/problems/" + type));
		problem.setTitle(title);
		return problem;
	}

}
