package com.rvssl.gateway.adapters.sectigo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Sectigo-style reseller API is and the login it wants
 * ({@code rvssl.ca.sectigo.*}).
 */
@ConfigurationProperties("rvssl.ca.sectigo")
public record SectigoProperties(@DefaultValue("http://localhost:8090") String baseUrl,
		@DefaultValue("sandbox-reseller") String loginName, @DefaultValue("sandbox-password") String loginPassword) {
}
