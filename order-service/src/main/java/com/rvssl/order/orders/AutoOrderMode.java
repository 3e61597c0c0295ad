package com.rvssl.order.orders;

/**
 * The reseller's Auto Order Setup, as it was when an order was configured (stored on the
 * order): {@link #AUTOMATIC} sends a configured order to billing at once;
 * {@link #ON_RESELLER_APPROVAL} and {@link #MANUAL} hold it in AWAITING_APPROVAL until
 * the reseller approves it (MANUAL being the reseller's "I submit every order myself";
 * the behaviour is the same, the views differ).
 */
public enum AutoOrderMode {

	AUTOMATIC, ON_RESELLER_APPROVAL, MANUAL

}
