package com.rvssl.sandbox.payments;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox payment provider's settings ({@code sandbox.payments.*}). The keys have
 * sandbox defaults, as the sandbox CA's do: it stands in for an outside provider in tests
 * and the local stack only.
 *
 * @param apiKey the bearer key a payment must be asked for with
 * @param webhookSecret the secret callbacks are signed with (billing's
 * {@code rvssl.payments.webhook-secret})
 * @param callbackUrl where callbacks go (billing's {@code /payments/callback}); none: no
 * callbacks, only logged
 * @param autoConfirm whether a payment is confirmed as soon as it is made (switchable
 * through {@code PUT /sandbox/payments/auto-confirm})
 * @param callbackAttempts how often a callback is sent before it is given up
 * @param callbackBackoff the first wait between attempts, doubled each time
 */
@ConfigurationProperties("sandbox.payments")
public record PaymentSettings(@DefaultValue("sandbox-payments-key") String apiKey,
		@DefaultValue("sandbox-payments-webhook-secret") String webhookSecret, URI callbackUrl,
		@DefaultValue("true") boolean autoConfirm, @DefaultValue("6") int callbackAttempts,
		@DefaultValue("PT0.5S") Duration callbackBackoff) {
}
