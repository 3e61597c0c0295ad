package com.rvssl.notify.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook posts and their retries. The defaults retry for about ten hours (30 s doubling
 * to a cap of two hours, twelve attempts) before a delivery is DEAD and waits for an
 * operator's replay.
 *
 * @param timeout the whole post, connect to last byte: a hung receiver fails the attempt,
 * nothing else
 * @param maxAttempts attempts in all before the delivery is dead
 * @param backoff the wait after the first failure, doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 */
@ConfigurationProperties("rvssl.notify.webhook")
public record WebhookProperties(@DefaultValue("PT10S") Duration timeout, @DefaultValue("12") int maxAttempts,
		@DefaultValue("PT30S") Duration backoff, @DefaultValue("PT2H") Duration maxBackoff) {
}
