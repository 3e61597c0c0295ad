package com.rvssl.notify.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook posts, their retries and where they may go. The defaults retry for about ten
 * hours (30 s doubling to a cap of two hours, twelve attempts) before a delivery is DEAD
 * and waits for an operator's replay, and allow https to public internet addresses only.
 *
 * @param timeout the whole post, connect to last byte: a hung receiver fails the attempt,
 * nothing else
 * @param maxAttempts attempts in all before the delivery is dead
 * @param backoff the wait after the first failure, doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param allowHttp whether plain http webhooks are accepted (the local stack's WHMCS has
 * no certificate); never in production
 * @param allowedNetworks address blocks in CIDR notation ({@code 127.0.0.0/8},
 * {@code ::1/128}) a webhook may reach although they are not public: the local stack's
 * loopback; empty in production
 */
@ConfigurationProperties("rvssl.notify.webhook")
public record WebhookProperties(@DefaultValue("PT10S") Duration timeout, @DefaultValue("12") int maxAttempts,
		@DefaultValue("PT30S") Duration backoff, @DefaultValue("PT2H") Duration maxBackoff,
		@DefaultValue("false") boolean allowHttp, @DefaultValue List<String> allowedNetworks) {

	public WebhookProperties {
		// an empty environment variable binds as one blank entry: no network
		allowedNetworks = (allowedNetworks != null)
				? allowedNetworks.stream().filter(network -> !network.isBlank()).toList() : List.of();
	}

}
