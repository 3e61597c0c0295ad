package com.rvssl.sandbox.orders;

/** Hears of every change of an order's status or validation step (the push senders). */
public interface OrderWatcher {

	/**
	 * Called after the change is stored; must not block for long (push senders hand off).
	 */
	void changed(CaOrder before, CaOrder after);

	/**
	 * Called once a new order is stored, and again whenever the caller asks for its
	 * approval email anew (the approval mailer); must not block for long.
	 */
	default void dcvEmailDue(CaOrder order) {
	}

}
