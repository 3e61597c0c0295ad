package com.rvssl.gateway.adapters.digicert;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where DigiCert should push order changes ({@code rvssl.gateway.digicert.webhook.*}):
 * status-sync's receiver and the secret it expects in {@code X-WEBHOOK-KEY}. No endpoint:
 * nothing is registered and status-sync relies on polling alone.
 */
@ConfigurationProperties("rvssl.gateway.digicert.webhook")
public record DigicertWebhookProperties(String endpoint, String secret) {

	boolean wanted() {
		return endpoint != null && !endpoint.isBlank();
	}

}
