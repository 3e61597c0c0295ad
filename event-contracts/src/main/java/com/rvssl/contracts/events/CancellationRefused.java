package com.rvssl.contracts.events;

/**
 * The gateway's answer to an {@link OrderCancelled} the CA did not carry out: it refused,
 * or had issued the certificate already. Nothing is refunded; the order goes on (to
 * issued, when the CA issues it) and its views show why the cancellation did not happen.
 *
 * @param reason the CA's reason, shown to the reseller
 * @param caOrderId the CA's order, which stays open
 */
public record CancellationRefused(String reason, String caOrderId) implements OrderEvent {
}
