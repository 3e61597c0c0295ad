package com.rvssl.notify.api;

import com.rvssl.kit.problem.Problems;
import com.rvssl.notify.deliveries.DeliveryNotDeadException;
import com.rvssl.notify.deliveries.DeliveryNotFoundException;
import com.rvssl.notify.webhooks.InvalidWebhookException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * This service's own errors as the platform's problems. A missing or unknown API key
 * never gets here (the service kit answers 401 before any controller), nor do Spring's
 * own errors (the kit's advice renders them).
 */
@RestControllerAdvice
class ProblemAdvice {

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage()));
	}

	@ExceptionHandler(DeliveryNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(DeliveryNotFoundException ex) {
		return respond(Problems.of(HttpStatus.NOT_FOUND, "delivery-not-found", "Delivery not found", ex.getMessage()));
	}

	@ExceptionHandler(DeliveryNotDeadException.class)
	ResponseEntity<ProblemDetail> notDead(DeliveryNotDeadException ex) {
		return respond(Problems.of(HttpStatus.CONFLICT, "delivery-not-dead", "Delivery is not dead", ex.getMessage()));
	}

	@ExceptionHandler(WebhookNotSetException.class)
	ResponseEntity<ProblemDetail> noWebhook(WebhookNotSetException ex) {
		return respond(Problems.of(HttpStatus.NOT_FOUND, "no-webhook", "No webhook", ex.getMessage()));
	}

	@ExceptionHandler(InvalidWebhookException.class)
	ResponseEntity<ProblemDetail> invalidWebhook(InvalidWebhookException ex) {
		return respond(Problems.withErrors(
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-webhook", "Invalid webhook", ex.getMessage()),
				ex.errors()));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
