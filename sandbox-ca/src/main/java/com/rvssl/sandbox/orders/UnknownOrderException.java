package com.rvssl.sandbox.orders;

/** No order has that id. */
public class UnknownOrderException extends RuntimeException {

	public UnknownOrderException(long id) {
		super("No order " + id);
	}

}
