package com.rvssl.contracts.events;

/** The CA's validation moved on: {@code caStatus} is the CA's own word, {@code detail} says what is awaited. */
public record CertificateValidationUpdated(String caStatus, String detail) implements OrderEvent {
}
