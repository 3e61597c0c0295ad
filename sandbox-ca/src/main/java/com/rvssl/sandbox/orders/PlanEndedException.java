package com.rvssl.sandbox.orders;

import java.time.Instant;

/**
 * A reissue asked for after the order's plan ended: the paid term is used up, a new order
 * is needed.
 */
public class PlanEndedException extends RuntimeException {

	private final Instant planEnd;

	public PlanEndedException(long id, Instant planEnd) {
		super("Order " + id + "'s plan ended at " + planEnd + "; reissues are free only within the plan.");
		this.planEnd = planEnd;
	}

	public Instant planEnd() {
		return this.planEnd;
	}

}
