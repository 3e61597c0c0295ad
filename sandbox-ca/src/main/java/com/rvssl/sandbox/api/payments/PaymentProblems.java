package com.rvssl.sandbox.api.payments;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;

import com.rvssl.kit.problem.InvalidField;
import com.rvssl.sandbox.payments.PaymentClosedException;
import com.rvssl.sandbox.payments.UnknownPaymentException;

/** The payment API's refusals as problem details. */
@RestControllerAdvice(basePackageClasses = PaymentProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PaymentProblems {

	@ExceptionHandler
	ProblemDetail unauthorized(Unauthorized ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid bearer API key is required.");
	}

	@ExceptionHandler
	ProblemDetail unknown(UnknownPaymentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail closed(PaymentClosedException ex) {
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

	/** No API key, or not the provider's. */
	static class Unauthorized extends RuntimeException {

		Unauthorized() {
			super("unauthorized", null, false, false);
		}

	}

}
