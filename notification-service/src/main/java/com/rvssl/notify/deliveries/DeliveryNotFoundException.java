package com.rvssl.notify.deliveries;

/** No delivery has this id. */
public class DeliveryNotFoundException extends RuntimeException {

	public DeliveryNotFoundException(String id) {
		super("no delivery " + id);
	}

}
