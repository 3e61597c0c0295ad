package com.rvssl.order.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order is in its life, and the only place that says which move is allowed.
 * States are declared in their forward order; every allowed move goes forward, except the
 * two states that may be re-entered with fresh detail (another failed submission, another
 * validation step).
 */
public enum OrderState {

	AWAITING_CONFIGURATION, AWAITING_APPROVAL, PLACED, WAITING_FOR_PAYMENT, PAID, SUBMISSION_RETRYING, SUBMITTED,
	PENDING_VALIDATION, ISSUED, REJECTED, CANCELLED;

	private static final Map<OrderState, Set<OrderState>> ALLOWED = Map.ofEntries(
			Map.entry(AWAITING_CONFIGURATION, EnumSet.of(AWAITING_APPROVAL, PLACED, CANCELLED)),
			Map.entry(AWAITING_APPROVAL, EnumSet.of(PLACED, CANCELLED)),
			Map.entry(PLACED, EnumSet.of(WAITING_FOR_PAYMENT, PAID, CANCELLED)),
			Map.entry(WAITING_FOR_PAYMENT, EnumSet.of(PAID, CANCELLED)),
			Map.entry(PAID, EnumSet.of(SUBMISSION_RETRYING, SUBMITTED, REJECTED, CANCELLED)),
			Map.entry(SUBMISSION_RETRYING, EnumSet.of(SUBMISSION_RETRYING, SUBMITTED, REJECTED, CANCELLED)),
			Map.entry(SUBMITTED, EnumSet.of(PENDING_VALIDATION, ISSUED, REJECTED, CANCELLED)),
			Map.entry(PENDING_VALIDATION, EnumSet.of(PENDING_VALIDATION, ISSUED, REJECTED, CANCELLED)),
			Map.entry(ISSUED, EnumSet.noneOf(OrderState.class)), Map.entry(REJECTED, EnumSet.noneOf(OrderState.class)),
			Map.entry(CANCELLED, EnumSet.noneOf(OrderState.class)));

	public boolean canMoveTo(OrderState next) {
		return ALLOWED.get(this).contains(next);
	}

	/**
	 * The state after moving to {@code next}.
	 * @throws IllegalTransitionException when the state machine does not allow it
	 */
	public OrderState moveTo(OrderState next) {
		if (!canMoveTo(next)) {
			throw new IllegalTransitionException(this, next);
		}
		return next;
	}

	public boolean isFinal() {
		return ALLOWED.get(this).isEmpty();
	}

	/**
	 * Whether the order was handed to billing (and so may be charged and at the CA):
	 * cancelling it then waits for the CA's answer.
	 */
	public boolean wentToBilling() {
		return this != AWAITING_CONFIGURATION && this != AWAITING_APPROVAL;
	}

	/**
	 * Whether the certificate has not been issued (or refused) yet, so the order may
	 * still be cancelled.
	 */
	public boolean isCancellable() {
		return canMoveTo(CANCELLED);
	}

}
