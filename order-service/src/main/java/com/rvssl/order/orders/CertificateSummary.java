package com.rvssl.order.orders;

import java.time.Instant;

/**
 * What the API shows of an issued certificate; the PEM chain itself is kept apart for
 * downloads.
 */
public record CertificateSummary(String serialNumber, Instant notBefore, Instant notAfter, String issuer) {
}
