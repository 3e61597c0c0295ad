package com.rvssl.billing.charging;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What billing did with an order, kept forever so an order is charged and refunded at
 * most once ever. It is written before the account forgets the pending movement, so at
 * every moment an order that was charged shows either here or in its account's
 * {@code inflight}. {@code issuedAt} is when billing heard the order's certificate was
 * issued (null until then): a rejection after it (of a reissue) leaves the charge, since
 * the customer keeps the certificate.
 */
@Document("order_payments")
public record OrderPayment(@Id String orderId, String resellerId, long amount, String currency, PaymentState state,
		Instant placedAt, Instant updatedAt, Instant issuedAt) {

	@PersistenceCreator
	public OrderPayment {
	}

	/** A record of an order whose certificate billing has not heard issued. */
	OrderPayment(String orderId, String resellerId, long amount, String currency, PaymentState state, Instant placedAt,
			Instant updatedAt) {
		this(orderId, resellerId, amount, currency, state, placedAt, updatedAt, null);
	}

	/** Whether the order's certificate was issued, so a rejection is of a reissue. */
	boolean issued() {
		return issuedAt != null;
	}

}
