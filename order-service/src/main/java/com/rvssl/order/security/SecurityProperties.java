package com.rvssl.order.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param operatorKeyHash SHA-256 hex of the operator key; empty disables operator access
 */
@ConfigurationProperties("rvssl.security")
public record SecurityProperties(String operatorKeyHash) {
}
