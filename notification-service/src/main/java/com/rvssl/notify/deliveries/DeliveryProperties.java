package com.rvssl.notify.deliveries;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed deliveries are retried.
 *
 * @param maxAttempts attempts in all (the first included) before a delivery is dead
 * @param backoff the wait after the first failure, doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param sweepInterval how often due retries are looked for
 * @param sendLease how long an attempt owns its delivery; longer than the SMTP timeouts
 * together
 */
@ConfigurationProperties("rvssl.notify.retry")
public record DeliveryProperties(@DefaultValue("6") int maxAttempts, @DefaultValue("PT10S") Duration backoff,
		@DefaultValue("PT30M") Duration maxBackoff, @DefaultValue("PT1S") Duration sweepInterval,
		@DefaultValue("PT1M") Duration sendLease) {

	public RetryPolicy retryPolicy() {
		return new RetryPolicy(maxAttempts, backoff, maxBackoff);
	}

}
