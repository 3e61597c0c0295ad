package com.rvssl.order.orders;

/**
 * The reseller's Auto Order Setup at the time an order was configured. Only {@link #AUTOMATIC}
 * exists in behaviour so far; the value is stored on the order so the other modes can follow.
 */
public enum AutoOrderMode {

	AUTOMATIC, ON_RESELLER_APPROVAL, MANUAL

}
