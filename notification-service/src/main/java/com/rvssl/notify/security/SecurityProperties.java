package com.rvssl.notify.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param operatorKeyHash SHA-256 hex of the operator's API key; without it no caller is the operator */
@ConfigurationProperties("rvssl.security")
public record SecurityProperties(String operatorKeyHash) {
}
