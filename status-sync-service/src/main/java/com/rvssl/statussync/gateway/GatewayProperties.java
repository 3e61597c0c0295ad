package com.rvssl.statussync.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ca-gateway answers, the key to show it and how long to wait for it. The
 * response timeout must stay well below the check lease ({@code rvssl.sync.lease}), or a
 * slow answer could outlive the claim.
 *
 * @param serviceKey the platform's service key (the gateway keeps its SHA-256 in
 * {@code rvssl.security.service-key-hash}), sent on every internal call; required
 */
@ConfigurationProperties("rvssl.gateway")
public record GatewayProperties(@DefaultValue("http://localhost:8083") String baseUrl, String serviceKey,
		@DefaultValue("PT2S") Duration connectTimeout, @DefaultValue("PT10S") Duration responseTimeout) {

	public GatewayProperties {
		if (serviceKey == null || serviceKey.isBlank()) {
			throw new IllegalStateException("rvssl.gateway.service-key is not set: status-sync does not start without"
					+ " the platform's service key (environment RVSSL_GATEWAY_SERVICE_KEY), which the ca-gateway"
					+ " asks for on /internal/**.");
		}
	}

}
