package com.rvssl.order.orders;

/** The Idempotency-Key was used before with a different request body. */
public class IdempotencyConflictException extends RuntimeException {

	public IdempotencyConflictException(String key) {
		super("Idempotency-Key " + key + " was already used with a different request");
	}

}
