package com.rvssl.gateway.adapters.digicert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the DigiCert-style API is and the key it wants ({@code rvssl.ca.digicert.*}). */
@ConfigurationProperties("rvssl.ca.digicert")
public record DigicertProperties(@DefaultValue("http://localhost:8090") String baseUrl,
		@DefaultValue("sandbox-devkey") String apiKey) {
}
