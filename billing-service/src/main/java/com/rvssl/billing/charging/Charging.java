package com.rvssl.billing.charging;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.OrderPlaced;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What billing does with an order's events: charge it or queue it when placed; take it
 * out of the queue, or refund it, when cancelled or rejected. Each at most once per
 * order, ever.
 */
@Service
public class Charging {

	private final AccountDecisions decisions;

	Charging(AccountDecisions decisions) {
		this.decisions = decisions;
	}

	public Mono<Outcome> placed(EventEnvelope envelope, OrderPlaced placed) {
		String orderId = envelope.orderId();
		return decisions.decide(envelope.resellerId(), orderId, (account, payment, change) -> {
			if (payment != null || account.isWaiting(orderId)) {
				return Outcome.ALREADY_HANDLED;
			}
			if (!placed.wholesale().currency().equals(account.currency())) {
				throw new CurrencyMismatchException(placed.wholesale().currency(), account.currency());
			}
			boolean charged = change.place(orderId, placed.wholesale().amount(), envelope.occurredAt(),
					envelope.correlationId());
			return charged ? Outcome.CHARGED : Outcome.WAITING;
		});
	}

	/**
	 * Cancelled: a waiting order leaves the queue; a charged one is refunded when
	 * {@code refundable}.
	 */
	public Mono<Outcome> cancelled(EventEnvelope envelope, boolean refundable) {
		return release(envelope, refundable);
	}

	/** Rejected by the CA: the charge goes back. */
	public Mono<Outcome> rejected(EventEnvelope envelope) {
		return release(envelope, true);
	}

	private Mono<Outcome> release(EventEnvelope envelope, boolean refund) {
		String orderId = envelope.orderId();
		return decisions.decide(envelope.resellerId(), orderId, (account, payment, change) -> {
			if (account.isWaiting(orderId)) {
				change.unqueue(orderId);
				return Outcome.UNQUEUED;
			}
			if (payment == null) {
				// cancelled or rejected before billing saw it placed (events out of
				// order): remember the order as CANCELLED so its late OrderPlaced charges
				// nothing
				change.forgo(orderId);
				return Outcome.FORGONE;
			}
			if (refund && payment.state() == PaymentState.PAID) {
				change.refund(orderId, payment.amount(), payment.placedAt(), envelope.correlationId());
				return Outcome.REFUNDED;
			}
			return Outcome.ALREADY_HANDLED;
		});
	}

	/** What an order event did to the account. */
	public enum Outcome {

		CHARGED, WAITING, UNQUEUED, REFUNDED, FORGONE, ALREADY_HANDLED

	}

}
