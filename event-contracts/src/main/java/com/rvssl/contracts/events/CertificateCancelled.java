package com.rvssl.contracts.events;

/**
 * The gateway's confirmation of an {@link OrderCancelled}: the order is cancelled at the
 * CA ({@code caOrderId} set) or was never placed there ({@code caOrderId} null; the
 * gateway's submission record is the authority on that). Order-service moves the order to
 * CANCELLED, status-sync stops following it, billing refunds a charged order when
 * {@code refundable} (once per order, however often this is delivered).
 *
 * @param detail what the gateway did, for the order's timeline
 * @param refundable whether the charge goes back (true when cancelled at the CA or never
 * placed there)
 * @param caOrderId the CA's order that was cancelled, null when the CA never had one
 */
public record CertificateCancelled(String detail, boolean refundable, String caOrderId) implements OrderEvent {
}
