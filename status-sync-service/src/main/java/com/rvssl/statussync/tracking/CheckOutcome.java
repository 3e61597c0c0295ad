package com.rvssl.statussync.tracking;

import java.util.Locale;

/** What one check of an order found; the tag of the checks counter. */
public enum CheckOutcome {

	UNCHANGED, UPDATED, ISSUED, REJECTED, CANCELLED, GATEWAY_ERROR,

	/**
	 * The CA's budget had no permit for the read now: asked again after its Retry-After.
	 */
	OVER_BUDGET;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
