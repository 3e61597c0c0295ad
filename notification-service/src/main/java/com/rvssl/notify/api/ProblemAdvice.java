package com.rvssl.notify.api;

import com.rvssl.notify.deliveries.DeliveryNotDeadException;
import com.rvssl.notify.deliveries.DeliveryNotFoundException;
import com.rvssl.notify.security.ForbiddenException;
import com.rvssl.notify.security.UnauthorizedException;
import com.rvssl.notify.webhooks.InvalidWebhookException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** This service's own errors as RFC 9457 problem details (Spring's own are handled by Boot's handler). */
@RestControllerAdvice
class ProblemAdvice {

	@ExceptionHandler(UnauthorizedException.class)
	ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", ex.getMessage()));
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
		return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage()));
	}

	@ExceptionHandler(DeliveryNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(DeliveryNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Delivery not found", ex.getMessage()));
	}

	@ExceptionHandler(DeliveryNotDeadException.class)
	ResponseEntity<ProblemDetail> notDead(DeliveryNotDeadException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Delivery is not dead", ex.getMessage()));
	}

	@ExceptionHandler(WebhookNotSetException.class)
	ResponseEntity<ProblemDetail> noWebhook(WebhookNotSetException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "No webhook", ex.getMessage()));
	}

	@ExceptionHandler(InvalidWebhookException.class)
	ResponseEntity<ProblemDetail> invalidWebhook(InvalidWebhookException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid webhook", ex.getMessage());
		problem.setProperty("errors", ex.errors());
		return respond(problem);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
