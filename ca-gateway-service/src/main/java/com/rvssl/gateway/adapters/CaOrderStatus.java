package com.rvssl.gateway.adapters;

/**
 * A CA order's status: {@code state} in our words, {@code caStatus} the CA's own word, {@code detail}
 * what a person would want to read (who must approve, why it was rejected).
 */
public record CaOrderStatus(State state, String caStatus, String detail) {

	public enum State {

		PENDING_VALIDATION, ISSUED, REJECTED, CANCELLED

	}

}
