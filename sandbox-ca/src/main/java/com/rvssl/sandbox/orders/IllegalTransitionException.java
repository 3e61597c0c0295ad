package com.rvssl.sandbox.orders;

/** The order's status does not allow that step (e.g. canceling an issued order). */
public class IllegalTransitionException extends RuntimeException {

	private final OrderStatus current;

	public IllegalTransitionException(long id, OrderStatus current, OrderStatus target) {
		super("Order " + id + " is " + current.apiValue() + " and cannot become " + target.apiValue());
		this.current = current;
	}

	public OrderStatus current() {
		return this.current;
	}

}
