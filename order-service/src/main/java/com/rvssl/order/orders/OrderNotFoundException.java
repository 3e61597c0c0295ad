package com.rvssl.order.orders;

/**
 * No such order for this caller: also what another reseller's order looks like, so its
 * existence is not revealed.
 */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException(String id) {
		super("no order " + id);
	}

}
