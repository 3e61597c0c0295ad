package com.rvssl.sandbox.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The provider's payments: made once per idempotency key, paid or failed once, each
 * change reported through {@link PaymentCallbacks}. With auto-confirm on, a payment is
 * paid right after it is made (a fraction of a second, after the caller has its answer).
 */
@Component
public class PaymentDesk {

	private static final Duration AUTO_CONFIRM_AFTER = Duration.ofMillis(200);

	private final Map<String, Payment> payments = new ConcurrentHashMap<>();

	private final Map<String, String> byKey = new ConcurrentHashMap<>();

	private final PaymentCallbacks callbacks;

	// billing sets the expiry in real time, not on the sandbox's adjustable clock
	private final Clock clock;

	private final AtomicBoolean autoConfirm;

	PaymentDesk(PaymentCallbacks callbacks, PaymentSettings settings) {
		this.callbacks = callbacks;
		this.clock = Clock.systemUTC();
		this.autoConfirm = new AtomicBoolean(settings.autoConfirm());
	}

	/**
	 * The payment made under {@code idempotencyKey}, made now if there is none.
	 * @return the payment, and whether this call made it
	 */
	public synchronized Made make(String idempotencyKey, long amount, String currency, String reference,
			String description, Instant expiresAt) {
		String known = this.byKey.get(idempotencyKey);
		if (known != null) {
			return new Made(this.payments.get(known), false);
		}
		Payment payment = new Payment("pay_" + UUID.randomUUID().toString().replace("-", ""), amount, currency,
				reference, description, PaymentStatus.PENDING, this.clock.instant(), expiresAt);
		this.payments.put(payment.id(), payment);
		this.byKey.put(idempotencyKey, payment.id());
		if (this.autoConfirm.get()) {
			// confirmed right after it is made, once the caller has had its answer, as a
			// payer paying at once would
			Mono.delay(AUTO_CONFIRM_AFTER).subscribe((tick) -> settle(payment.id(), PaymentStatus.SUCCEEDED));
		}
		return new Made(payment, true);
	}

	public Optional<Payment> find(String id) {
		return Optional.ofNullable(this.payments.get(id));
	}

	/** The payer paid on the payment page. */
	public Payment pay(String id) {
		return settle(id, PaymentStatus.SUCCEEDED);
	}

	/** The payer's payment failed (declined, abandoned). */
	public Payment fail(String id) {
		return settle(id, PaymentStatus.FAILED);
	}

	public boolean autoConfirm() {
		return this.autoConfirm.get();
	}

	public void autoConfirm(boolean enabled) {
		this.autoConfirm.set(enabled);
	}

	/**
	 * Settles a pending payment once; settling it again the same way changes nothing, the
	 * other way is refused.
	 */
	private Payment settle(String id, PaymentStatus outcome) {
		Payment[] settled = new Payment[1];
		this.payments.computeIfPresent(id, (key, payment) -> {
			if (payment.status() == PaymentStatus.PENDING) {
				if (payment.expired(this.clock.instant())) {
					throw new PaymentClosedException("Payment " + id + " has expired.");
				}
				settled[0] = payment.with(outcome);
				return settled[0];
			}
			if (payment.status() != outcome) {
				throw new PaymentClosedException("Payment " + id + " is " + payment.status() + " already.");
			}
			return payment;
		});
		Payment payment = find(id).orElseThrow(() -> new UnknownPaymentException(id));
		if (settled[0] != null) {
			this.callbacks.send(settled[0]);
		}
		return payment;
	}

	/** A payment and whether the call made it. */
	public record Made(Payment payment, boolean created) {
	}

}
