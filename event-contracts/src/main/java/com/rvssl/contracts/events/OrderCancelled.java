package com.rvssl.contracts.events;

/**
 * The order was cancelled; {@code refundable} when the CA had not issued yet (or is
 * inside its refund window).
 */
public record OrderCancelled(String reason, boolean refundable) implements OrderEvent {
}
