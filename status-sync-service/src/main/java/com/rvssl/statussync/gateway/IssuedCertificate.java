package com.rvssl.statussync.gateway;

import java.time.Instant;

/**
 * The answer of {@code GET /internal/v1/orders/{orderId}/certificate}: leaf, chain and
 * its facts.
 */
public record IssuedCertificate(String serialNumber, Instant notBefore, Instant notAfter, String issuer,
		String pemChain) {
}
