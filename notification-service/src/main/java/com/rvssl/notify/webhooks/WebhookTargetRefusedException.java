package com.rvssl.notify.webhooks;

/**
 * A post the target rules stopped before any connection. Its message is the one neutral
 * reason the delivery log keeps: nothing in it tells what the address is, or whether
 * anything listens there.
 */
public class WebhookTargetRefusedException extends RuntimeException {

	public static final String REASON = "webhook target refused by the platform's rules";

	public WebhookTargetRefusedException() {
		super(REASON, null, false, false);
	}

}
