package com.rvssl.billing.api;

import java.util.List;
import java.util.Map;

import com.rvssl.billing.charging.CurrencyMismatchException;
import com.rvssl.billing.charging.TopUps.IdempotencyKeyReusedException;
import com.rvssl.billing.charging.UnknownResellerException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error of the API as RFC 9457 problem+json: Spring's own (bad JSON, missing header) via the
 * base class, validation failures with an {@code errors} array of {@code {field, message}}, and
 * billing's own refusals.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = ex.getBody();
		problem.setDetail("The request is not valid.");
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@ExceptionHandler(CurrencyMismatchException.class)
	ProblemDetail currencyMismatch(CurrencyMismatchException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Currency mismatch", ex.getMessage());
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ProblemDetail keyReused(IdempotencyKeyReusedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", ex.getMessage());
	}

	@ExceptionHandler({ UnknownResellerException.class, ApiProblems.NotFound.class })
	ProblemDetail notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(ApiProblems.BadRequest.class)
	ProblemDetail badRequest(ApiProblems.BadRequest ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	@ExceptionHandler(ApiProblems.Forbidden.class)
	ProblemDetail forbidden(ApiProblems.Forbidden ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
