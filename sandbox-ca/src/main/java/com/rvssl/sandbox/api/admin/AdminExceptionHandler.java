package com.rvssl.sandbox.api.admin;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;

import com.rvssl.kit.problem.InvalidField;
import com.rvssl.sandbox.orders.IllegalTransitionException;
import com.rvssl.sandbox.orders.UnknownOrderException;

/**
 * The sandbox's own API answers errors as RFC 9457 problem details, with bean validation
 * failures as an {@code errors} array of {@code {field, message}} (the kit's
 * {@link InvalidField}, so that the two members always come in that order).
 */
// the payment provider's API (api.payments) answers its bad requests the same way
@RestControllerAdvice(basePackages = { "com.rvssl.sandbox.api.admin", "com.rvssl.sandbox.api.payments" })
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AdminExceptionHandler {

	@ExceptionHandler
	ProblemDetail unknownOrder(UnknownOrderException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such CA order.");
	}

	@ExceptionHandler
	ProblemDetail illegalTransition(IllegalTransitionException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badArgument(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(WebExchangeBindException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
		List<InvalidField> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

}
