package com.rvssl.billing.waiting;

import java.time.Instant;

/**
 * An order held for payment ("Waiting for Payment"), kept inside the reseller's account
 * document so that the queue and the balance change in one atomic update.
 */
public record WaitingOrder(String orderId, long amount, Instant placedAt, String correlationId) {
}
