package com.rvssl.contracts.events;

/** The CA refused to issue; billing refunds the charge. */
public record CertificateRejected(String reason) implements OrderEvent {
}
