package com.rvssl.order.api;

import java.util.List;

import com.rvssl.kit.problem.InvalidField;
import com.rvssl.kit.problem.Problems;
import com.rvssl.order.csr.CsrChecksBusyException;
import com.rvssl.order.csr.InvalidCsrException;
import com.rvssl.order.orders.IdempotencyConflictException;
import com.rvssl.order.orders.IllegalTransitionException;
import com.rvssl.order.orders.OrderNotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * This service's own exceptions as problems of the platform's shape; Spring's own (404
 * route, 405, 415...) are the service kit's.
 */
@RestControllerAdvice
class ApiProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
		ProblemDetail problem = (ex.status() == HttpStatus.FORBIDDEN)
				? Problems.of(ex.status(), "forbidden", "Not allowed with this key", ex.getMessage())
				: Problems.of(ex.status(), "invalid-request", "Invalid request", ex.getMessage());
		return respond(Problems.withErrors(problem, ex.errors()));
	}

	/** 400 when the CSR cannot be read or verified, 422 when its key is refused. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidCsr(InvalidCsrException ex) {
		HttpStatus status = ex.keyRefused() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = Problems.of(status, "invalid-csr", "Invalid CSR", ex.getMessage());
		return respond(Problems.withErrors(problem, List.of(new InvalidField("csr", ex.getMessage()))));
	}

	/**
	 * 503 with Retry-After: the CSR checks are saturated, which says nothing about the
	 * CSR; the same request may succeed shortly.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> csrChecksBusy(CsrChecksBusyException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "csr-checks-busy", "CSR checks busy",
				ex.getMessage());
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(OrderNotFoundException ex) {
		return respond(Problems.of(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> productNotFound(ProductNotFoundException ex) {
		return respond(Problems.of(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException ex) {
		return respond(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
				ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "illegal-transition", "Not possible in this state",
				ex.getMessage());
		// the state the order is in, so that a client can tell why without reading it
		// again
		problem.setProperty("state", ex.from());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notIssued(CertificateNotIssuedException ex) {
		return respond(Problems.of(HttpStatus.CONFLICT, "certificate-not-issued", "Certificate not issued yet",
				ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(JsonBodies.BodyTooLargeException ex) {
		return respond(
				Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException ex) {
		return respond(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many open status streams",
				ex.getMessage()));
	}

	// the problem's own media type even when the client asked for another: an event
	// stream's 404 would otherwise be written as a server-sent event
	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
