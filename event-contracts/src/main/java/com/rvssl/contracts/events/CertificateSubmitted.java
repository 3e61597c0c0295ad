package com.rvssl.contracts.events;

import com.rvssl.contracts.CertificateAuthority;

/**
 * The CA accepted the order under {@code caOrderId}; status sync follows it from here.
 */
public record CertificateSubmitted(CertificateAuthority ca, String caOrderId) implements OrderEvent {
}
