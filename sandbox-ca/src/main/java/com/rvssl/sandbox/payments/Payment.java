package com.rvssl.sandbox.payments;

import java.time.Instant;

/**
 * One payment: what is asked, for whose reference, and how it stands.
 *
 * @param expiresAt after this the payment page takes no payment (none: never)
 */
public record Payment(String id, long amount, String currency, String reference, String description,
		PaymentStatus status, Instant createdAt, Instant expiresAt) {

	Payment with(PaymentStatus next) {
		return new Payment(this.id, this.amount, this.currency, this.reference, this.description, next, this.createdAt,
				this.expiresAt);
	}

	public boolean expired(Instant now) {
		return this.expiresAt != null && now.isAfter(this.expiresAt);
	}

}
