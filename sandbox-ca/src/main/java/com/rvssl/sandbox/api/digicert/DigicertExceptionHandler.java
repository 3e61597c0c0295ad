package com.rvssl.sandbox.api.digicert;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

import com.rvssl.sandbox.authority.InvalidCsrException;
import com.rvssl.sandbox.orders.IllegalTransitionException;
import com.rvssl.sandbox.orders.PlanEndedException;
import com.rvssl.sandbox.orders.UnknownOrderException;

/**
 * Every refusal of the DigiCert API in DigiCert's error shape rather than the problem
 * details the rest of the sandbox answers with; ordered first so that it wins over the
 * global handler.
 */
@RestControllerAdvice(basePackageClasses = DigicertExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DigicertExceptionHandler {

	@ExceptionHandler
	ResponseEntity<DigicertErrors> refused(DigicertException ex) {
		return ResponseEntity.status(ex.status()).body(DigicertErrors.of(ex.code(), ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<DigicertErrors> invalidCsr(InvalidCsrException ex) {
		return ResponseEntity.badRequest().body(DigicertErrors.of("invalid_csr", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<DigicertErrors> unknownOrder(UnknownOrderException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(DigicertErrors.of("not_found|order", "Order not found."));
	}

	@ExceptionHandler
	ResponseEntity<DigicertErrors> illegalTransition(IllegalTransitionException ex) {
		return ResponseEntity.badRequest().body(DigicertErrors.of("invalid_status", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<DigicertErrors> planEnded(PlanEndedException ex) {
		return ResponseEntity.badRequest().body(DigicertErrors.of("order_expired", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<DigicertErrors> unreadable(ServerWebInputException ex) {
		return ResponseEntity.badRequest()
			.body(DigicertErrors.of("bad_request_format", "The request body is not valid: " + ex.getReason()));
	}

}
