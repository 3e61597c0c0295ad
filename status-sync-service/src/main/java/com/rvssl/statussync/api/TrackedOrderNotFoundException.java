package com.rvssl.statussync.api;

/** Asked for an order this service does not follow. */
public class TrackedOrderNotFoundException extends RuntimeException {

	public TrackedOrderNotFoundException(String orderId) {
		super("order " + orderId + " is not tracked");
	}

}
