package com.rvssl.gateway.api;

import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import com.rvssl.kit.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * This API's own errors as problems; Spring's errors and invalid requests are the service
 * kit's ({@code ProblemDetailsAdvice}), in the same shape.
 */
@RestControllerAdvice
class ProblemAdvice {

	@ExceptionHandler(OrderNotFound.class)
	ProblemDetail notFound(OrderNotFound ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", ex.getMessage());
	}

	@ExceptionHandler(CertificateNotIssued.class)
	ProblemDetail notIssued(CertificateNotIssued ex) {
		return Problems.of(HttpStatus.CONFLICT, "certificate-not-issued", "Certificate not issued", ex.getMessage());
	}

	@ExceptionHandler(CaUnavailable.class)
	ProblemDetail caUnavailable(CaUnavailable ex) {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "ca-unavailable", "CA unavailable", ex.getMessage());
	}

	/**
	 * Refused for lack of CA budget, without waiting: status-sync asks again later, as it
	 * does after any failure; Retry-After says when the next period starts at the latest.
	 */
	@ExceptionHandler(CaUnavailable.OverBudget.class)
	ResponseEntity<ProblemDetail> overBudget(CaUnavailable.OverBudget ex) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "ca-over-budget", "CA budget exhausted",
				ex.getMessage());
		long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	@ExceptionHandler(CaRefusal.class)
	ProblemDetail caRefused(CaRefusal ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_GATEWAY, "ca-refused", "CA refused the request",
				ex.getMessage());
		problem.setProperty("caCode", ex.code());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail unreadableAnswer(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_GATEWAY, "ca-answer-unreadable", "CA answer unreadable", ex.getMessage());
	}

}
