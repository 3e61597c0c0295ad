package com.rvssl.notify.deliveries;

/**
 * {@link #RETRYING} from the moment a delivery is logged until it is sent (the first
 * attempt included, so a crash mid-send is picked up by the sweep), {@link #SENT} once
 * the server took it, {@link #DEAD} when every attempt failed: only an operator's replay
 * revives it.
 */
public enum DeliveryStatus {

	SENT, RETRYING, DEAD

}
