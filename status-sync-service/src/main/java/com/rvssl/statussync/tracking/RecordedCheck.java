package com.rvssl.statussync.tracking;

/**
 * How the write of a check's result went ({@link TrackedOrders#record}).
 */
public enum RecordedCheck {

	/** Written, and no CA push came since the check was claimed. */
	QUIET,

	/**
	 * Written, and a CA push came while the check ran: the check may have asked just
	 * before the change, so the order is due again at once
	 * ({@link PushedOrders#recheckIfPushedSince}).
	 */
	PUSHED_MEANWHILE,

	/** Refused: the order was stopped, or the lease went to another check. */
	REFUSED;

	public boolean written() {
		return this != REFUSED;
	}

	/** Whether the order may need the recheck: a refused write cannot tell. */
	public boolean mayHaveMissedAPush() {
		return this != QUIET;
	}

}
