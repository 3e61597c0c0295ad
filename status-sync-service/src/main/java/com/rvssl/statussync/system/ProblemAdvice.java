package com.rvssl.statussync.system;

import com.rvssl.statussync.push.PushRefusedException;
import com.rvssl.statussync.tracking.TrackedOrderNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** This service's own errors as RFC 9457 problem details; Spring's own ones are handled by Boot. */
@RestControllerAdvice
class ProblemAdvice {

	@ExceptionHandler(TrackedOrderNotFoundException.class)
	ProblemDetail notTracked(TrackedOrderNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Order not tracked");
		return problem;
	}

	@ExceptionHandler(PushRefusedException.class)
	ProblemDetail pushRefused(PushRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setTitle("Push not authenticated");
		return problem;
	}

}
