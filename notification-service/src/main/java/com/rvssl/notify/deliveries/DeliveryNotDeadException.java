package com.rvssl.notify.deliveries;

/**
 * Only dead deliveries are replayed; a sent or still retrying one would be sent twice.
 */
public class DeliveryNotDeadException extends RuntimeException {

	public DeliveryNotDeadException(String id, DeliveryStatus status) {
		super("delivery " + id + " is " + status + ", only a DEAD delivery can be replayed");
	}

}
