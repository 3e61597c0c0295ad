package com.rvssl.billing.charging;

import java.util.function.Predicate;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.OrderPlaced;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What billing does with an order's events: charge it or queue it when placed; take it
 * out of the queue when its cancellation is asked for; refund it when the gateway
 * confirms the cancellation or the CA rejects it (a rejection of an order already issued,
 * a reissue, refunds nothing). Each at most once per order, ever.
 */
@Service
public class Charging {

	private final AccountDecisions decisions;

	private final OrderPayments payments;

	Charging(AccountDecisions decisions, OrderPayments payments) {
		this.decisions = decisions;
		this.payments = payments;
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
	 * The reseller asked to cancel: an order waiting for credit leaves the queue (the CA
	 * never gets an unpaid order, so the gateway will confirm); a charged one stays
	 * charged until the gateway confirms the cancellation, since the CA may refuse it.
	 */
	public Mono<Outcome> cancelRequested(EventEnvelope envelope) {
		return release(envelope, (payment) -> false);
	}

	/**
	 * The gateway confirmed the cancellation (CertificateCancelled): a waiting order
	 * leaves the queue; a charged one is refunded when {@code refundable}, once.
	 */
	public Mono<Outcome> cancelled(EventEnvelope envelope, boolean refundable) {
		return release(envelope, (payment) -> refundable);
	}

	/**
	 * Rejected by the CA: the charge goes back, unless the order's certificate was issued
	 * before. Then the rejection is of a reissue, and the customer keeps the certificate
	 * they paid for. A rejection handled before the order's CertificateIssued refunds, as
	 * it always did.
	 */
	public Mono<Outcome> rejected(EventEnvelope envelope) {
		return release(envelope, (payment) -> !payment.issued());
	}

	/**
	 * The CA issued the order's certificate: noted on its payment record, so that a later
	 * rejection (of a reissue) refunds nothing. The account itself does not change. An
	 * order is issued long after its charge completed, so its PAID record is usually
	 * there and the note is one write. Otherwise (a charge still in flight, a repeat, a
	 * refunded order) it is read through a decision, so that a charge in flight is
	 * completed first.
	 */
	public Mono<Outcome> issued(EventEnvelope envelope) {
		String orderId = envelope.orderId();
		return payments.issued(orderId, envelope.occurredAt())
			.flatMap((noted) -> noted ? Mono.just(Outcome.ISSUED) : issuedThroughADecision(envelope));
	}

	private Mono<Outcome> issuedThroughADecision(EventEnvelope envelope) {
		String orderId = envelope.orderId();
		return decisions.decide(envelope.resellerId(), orderId, (account, payment, change) -> toNote(payment))
			.flatMap((outcome) -> (outcome != Outcome.ISSUED) ? Mono.just(outcome)
					: payments.issued(orderId, envelope.occurredAt()).thenReturn(outcome))
			// nothing to keep for an order of a reseller billing does not know
			.onErrorResume(UnknownResellerException.class, (ex) -> Mono.just(Outcome.ALREADY_HANDLED));
	}

	/**
	 * ISSUED for a charged order whose issuance is not noted yet; else nothing to note.
	 */
	private static Outcome toNote(OrderPayment payment) {
		boolean charged = payment != null && payment.state() == PaymentState.PAID;
		return (charged && !payment.issued()) ? Outcome.ISSUED : Outcome.ALREADY_HANDLED;
	}

	private Mono<Outcome> release(EventEnvelope envelope, Predicate<OrderPayment> refunds) {
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
			if (payment.state() != PaymentState.PAID) {
				return Outcome.ALREADY_HANDLED;
			}
			if (!refunds.test(payment)) {
				return Outcome.KEPT;
			}
			change.refund(orderId, payment.amount(), payment.placedAt(), envelope.correlationId());
			return Outcome.REFUNDED;
		});
	}

	/** What an order event did to the account. */
	public enum Outcome {

		CHARGED, WAITING, UNQUEUED, REFUNDED, FORGONE, ISSUED,

		/** A charged order that stays charged (not refundable, or issued before). */
		KEPT,

		ALREADY_HANDLED

	}

}
