package com.rvssl.notify.api;

/** The reseller has no webhook: 404. */
class WebhookNotSetException extends RuntimeException {

	WebhookNotSetException(String resellerId) {
		super("reseller " + resellerId + " has no webhook");
	}

}
