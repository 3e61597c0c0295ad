package com.rvssl.sandbox.api.payments;

import java.time.Instant;
import java.util.Map;

import com.rvssl.sandbox.payments.Payment;

/** A payment as the API shows it, with the page where it is paid. */
record PaymentView(String id, String status, Map<String, Object> amount, String reference, String url,
		Instant createdAt, Instant expiresAt) {

	static PaymentView of(Payment payment, String pageUrl) {
		return new PaymentView(payment.id(), payment.status().name().toLowerCase(java.util.Locale.ROOT),
				Map.of("amount", payment.amount(), "currency", payment.currency()), payment.reference(), pageUrl,
				payment.createdAt(), payment.expiresAt());
	}

}
