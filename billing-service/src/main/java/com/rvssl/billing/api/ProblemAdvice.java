package com.rvssl.billing.api;

import com.rvssl.billing.charging.BalanceLimitException;
import com.rvssl.billing.charging.CurrencyMismatchException;
import com.rvssl.billing.charging.TopUps.IdempotencyKeyReusedException;
import com.rvssl.billing.charging.UnknownResellerException;
import com.rvssl.billing.payments.CallbackSignature;
import com.rvssl.billing.payments.PaymentConfirmations;
import com.rvssl.billing.payments.PaymentProvider;
import com.rvssl.kit.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Billing's own refusals as the platform's problems. A missing or unknown API key never
 * gets here (the service kit answers 401 before any controller), nor do Spring's own
 * errors and validation failures (the kit's advice renders them).
 */
@RestControllerAdvice
class ProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler(CurrencyMismatchException.class)
	ProblemDetail currencyMismatch(CurrencyMismatchException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "currency-mismatch", "Currency mismatch", ex.getMessage());
	}

	@ExceptionHandler(BalanceLimitException.class)
	ProblemDetail balanceLimit(BalanceLimitException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "balance-limit", "Balance limit", ex.getMessage());
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ProblemDetail keyReused(IdempotencyKeyReusedException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
				ex.getMessage());
	}

	@ExceptionHandler({ UnknownResellerException.class, ApiProblems.NotFound.class })
	ProblemDetail notFound(RuntimeException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler(CallbackSignature.Refused.class)
	ProblemDetail callbackRefused(CallbackSignature.Refused ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "payment-signature", "Payment callback refused", ex.getMessage());
	}

	@ExceptionHandler(PaymentConfirmations.UnknownPayment.class)
	ProblemDetail unknownPayment(PaymentConfirmations.UnknownPayment ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "unknown-payment", "Unknown payment", ex.getMessage());
	}

	@ExceptionHandler(PaymentConfirmations.AmountMismatch.class)
	ProblemDetail amountMismatch(PaymentConfirmations.AmountMismatch ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "payment-amount-mismatch", "Payment amount mismatch",
				ex.getMessage());
	}

	@ExceptionHandler(PaymentConfirmations.AlreadyPaid.class)
	ProblemDetail alreadyPaid(PaymentConfirmations.AlreadyPaid ex) {
		return Problems.of(HttpStatus.CONFLICT, "already-paid", "Top-up already paid", ex.getMessage());
	}

	@ExceptionHandler(PaymentProvider.Unavailable.class)
	ProblemDetail providerUnavailable(PaymentProvider.Unavailable ex) {
		log.warn("Payment provider unavailable: {}", ex.getMessage());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "payment-provider-unavailable",
				"Payment provider unavailable",
				"The payment provider could not be reached: nothing was charged or credited. "
						+ "Send the same request again (same Idempotency-Key) in a moment.");
	}

	@ExceptionHandler(ApiProblems.BadRequest.class)
	ProblemDetail badRequest(ApiProblems.BadRequest ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", ex.getMessage());
	}

	@ExceptionHandler(ApiProblems.Forbidden.class)
	ProblemDetail forbidden(ApiProblems.Forbidden ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage());
	}

}
