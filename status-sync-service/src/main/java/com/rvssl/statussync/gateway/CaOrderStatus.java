package com.rvssl.statussync.gateway;

/** The gateway's CA-neutral word for where a CA order stands. */
public enum CaOrderStatus {

	PENDING_VALIDATION, ISSUED, REJECTED, CANCELLED;

	public boolean isFinal() {
		return this != PENDING_VALIDATION;
	}

}
