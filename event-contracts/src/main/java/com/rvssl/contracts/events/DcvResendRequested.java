package com.rvssl.contracts.events;

/** The reseller asked the CA to send the domain-control approval email again. */
public record DcvResendRequested(String approverEmail) implements OrderEvent {
}
