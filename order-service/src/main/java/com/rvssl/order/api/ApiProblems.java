package com.rvssl.order.api;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rvssl.order.csr.InvalidCsrException;
import com.rvssl.order.orders.IdempotencyConflictException;
import com.rvssl.order.orders.IllegalTransitionException;
import com.rvssl.order.orders.OrderNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Our own exceptions as RFC 9457 problems; Spring's own (404 route, 405, 415...) come from Boot's handler. */
@RestControllerAdvice
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private static final String TYPE_BASE = "https://rvssl.example/problems/";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
		ProblemDetail problem = (ex.status() == HttpStatus.FORBIDDEN)
				? problem(ex.status(), "forbidden", "Not allowed with this key", ex.getMessage())
				: problem(ex.status(), "invalid-request", "Invalid request", ex.getMessage());
		problem.setProperty("errors", ex.errors());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidCsr(InvalidCsrException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-csr", "Invalid CSR", ex.getMessage());
		problem.setProperty("errors", List.of(new FieldError("csr", ex.getMessage())));
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(OrderNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> productNotFound(ProductNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException ex) {
		return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
				ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-transition", "Not possible in this state",
				ex.getMessage());
		problem.setProperty("state", ex.from());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notIssued(CertificateNotIssuedException ex) {
		return respond(problem(HttpStatus.CONFLICT, "certificate-not-issued", "Certificate not issued yet",
				ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(JsonBodies.BodyTooLargeException ex) {
		return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
				ex.getMessage()));
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		if (status.is5xxServerError()) {
			log.error("{}: {}", title, detail);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
