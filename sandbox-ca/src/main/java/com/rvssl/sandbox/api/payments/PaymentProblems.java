package com.rvssl.sandbox.api.payments;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.rvssl.sandbox.payments.PaymentClosedException;
import com.rvssl.sandbox.payments.UnknownPaymentException;

/**
 * The payment API's own refusals as problem details (bad arguments and bean validation
 * are the admin API's advice's, shared).
 */
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

	/** No API key, or not the provider's. */
	static class Unauthorized extends RuntimeException {

		Unauthorized() {
			super("unauthorized", null, false, false);
		}

	}

}
