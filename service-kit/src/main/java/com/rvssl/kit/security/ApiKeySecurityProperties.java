package com.rvssl.kit.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param operatorKeyHash SHA-256 hex of the operator's API key; empty means no operator
 * access
 * @param apiPaths the path patterns that need an API key
 */
@ConfigurationProperties("rvssl.security")
public record ApiKeySecurityProperties(@DefaultValue("") String operatorKeyHash,
		@DefaultValue("/api/**") List<String> apiPaths) {
}
