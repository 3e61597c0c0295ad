package com.rvssl.billing.payments;

import java.time.Instant;

import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

/**
 * The payment provider, as billing needs it: a payment to make, and where to make it.
 * Asking twice for the same top-up gives the same payment (the top-up's id is the
 * provider's idempotency key).
 */
public interface PaymentProvider {

	/**
	 * @param expiresAt after this the provider takes no payment (billing expires the
	 * top-up)
	 * @return the payment; {@link Unavailable} when the provider cannot be reached or
	 * refuses
	 */
	Mono<Payment> create(String topUpId, Money amount, String description, Instant expiresAt);

	/** The provider's payment and the page where the reseller pays it. */
	record Payment(String id, String url) {
	}

	/** No payment could be asked for; nothing was stored as paid. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
