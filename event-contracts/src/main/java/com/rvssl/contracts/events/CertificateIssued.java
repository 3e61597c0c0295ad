package com.rvssl.contracts.events;

import java.time.Instant;

/**
 * The CA issued the certificate; {@code pemChain} is leaf, intermediates and root in PEM
 * (no key).
 */
public record CertificateIssued(String caOrderId, String serialNumber, Instant notBefore, Instant notAfter,
		String issuer, String pemChain) implements OrderEvent {
}
