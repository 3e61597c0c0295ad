package com.rvssl.notify.deliveries;

/**
 * How a delivery travels. EMAIL over SMTP, WEBHOOK as a signed post to the reseller's
 * WHMCS.
 */
public enum DeliveryChannel {

	EMAIL, WEBHOOK

}
