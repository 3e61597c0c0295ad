package com.rvssl.statussync.api;

import com.rvssl.kit.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * This service's own errors as the platform's problems; Spring's own ones are the service
 * kit's advice's.
 */
@RestControllerAdvice
class ProblemAdvice {

	@ExceptionHandler(TrackedOrderNotFoundException.class)
	ResponseEntity<ProblemDetail> notTracked(TrackedOrderNotFoundException ex) {
		return respond(Problems.of(HttpStatus.NOT_FOUND, "order-not-tracked", "Order not tracked", ex.getMessage()));
	}

	@ExceptionHandler(PushRefusedException.class)
	ResponseEntity<ProblemDetail> pushRefused(PushRefusedException ex) {
		return respond(Problems.of(HttpStatus.UNAUTHORIZED, "push-not-authenticated", "Push not authenticated",
				ex.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
