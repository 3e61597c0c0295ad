package com.rvssl.notify.deliveries;

/** How a delivery travels. Only EMAIL is sent so far; WEBHOOK (signed posts to WHMCS) is a later issue. */
public enum DeliveryChannel {

	EMAIL, WEBHOOK

}
