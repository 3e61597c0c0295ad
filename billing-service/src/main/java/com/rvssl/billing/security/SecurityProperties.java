package com.rvssl.billing.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param operatorKeyHash SHA-256 hex of the operator's API key ({@code rvssl.security.operator-key-hash}) */
@ConfigurationProperties("rvssl.security")
public record SecurityProperties(String operatorKeyHash) {
}
