package com.rvssl.statussync.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ca-gateway answers and how long to wait for it. The response timeout must
 * stay well below the check lease ({@code rvssl.sync.lease}), or a slow answer could
 * outlive the claim.
 */
@ConfigurationProperties("rvssl.gateway")
public record GatewayProperties(@DefaultValue("http://localhost:8083") String baseUrl,
		@DefaultValue("PT2S") Duration connectTimeout, @DefaultValue("PT10S") Duration responseTimeout) {
}
