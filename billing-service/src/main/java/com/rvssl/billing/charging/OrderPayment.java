package com.rvssl.billing.charging;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What billing did with an order, kept forever so an order is charged and refunded at
 * most once ever. It is written before the account forgets the pending movement, so at
 * every moment an order that was charged shows either here or in its account's
 * {@code inflight}.
 */
@Document("order_payments")
public record OrderPayment(@Id String orderId, String resellerId, long amount, String currency, PaymentState state,
		Instant placedAt, Instant updatedAt) {
}
