package com.rvssl.statussync.tracking;

/**
 * Where following an order stands. Only {@link #OUTSTANDING} orders are checked; the
 * other two are final: {@link #DONE} when the CA issued or rejected, {@link #STOPPED}
 * when the order was cancelled (by the customer or at the CA).
 */
public enum TrackingState {

	OUTSTANDING, DONE, STOPPED

}
