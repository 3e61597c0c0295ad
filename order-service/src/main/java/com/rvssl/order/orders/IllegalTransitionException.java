package com.rvssl.order.orders;

/**
 * A move the order state machine does not allow, e.g. cancelling an issued certificate.
 */
public class IllegalTransitionException extends RuntimeException {

	private final OrderState from;

	private final OrderState to;

	public IllegalTransitionException(OrderState from, OrderState to) {
		super("an order in state " + from + " cannot move to " + to);
		this.from = from;
		this.to = to;
	}

	/** An action the order's state does not allow, explained in business words. */
	public IllegalTransitionException(OrderState from, OrderState to, String message) {
		super(message);
		this.from = from;
		this.to = to;
	}

	public OrderState from() {
		return from;
	}

	public OrderState to() {
		return to;
	}

}
