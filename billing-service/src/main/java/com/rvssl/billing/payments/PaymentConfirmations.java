package com.rvssl.billing.payments;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What a verified callback does. A success moves the top-up to CREDITING (one conditional
 * update: of two callbacks at once only one moves it) and then credits it through
 * {@link TopUpCrediting}, which credits once whichever callback gets there; a redelivered
 * success finds it PAID and changes nothing. A failure ends a pending top-up. A callback
 * for no top-up of ours, for another payment than the top-up's, or for another amount is
 * refused and changes nothing.
 */
@Service
public class PaymentConfirmations {

	private static final Logger log = LoggerFactory.getLogger(PaymentConfirmations.class);

	private final TopUpStore store;

	private final TopUpCrediting crediting;

	private final Clock clock;

	PaymentConfirmations(TopUpStore store, TopUpCrediting crediting, Clock clock) {
		this.store = store;
		this.crediting = crediting;
		this.clock = clock;
	}

	public Mono<TopUp> handle(PaymentNotice notice) {
		return store.find(notice.topUpId())
			.filter((topUp) -> topUp.source() == TopUpSource.PAYMENT)
			.switchIfEmpty(Mono.error(() -> new UnknownPayment(
					"No top-up " + notice.topUpId() + " waits for payment " + notice.paymentId() + ".")))
			.flatMap((topUp) -> {
				if (topUp.paymentId() != null && !topUp.paymentId().equals(notice.paymentId())) {
					return Mono.error(new UnknownPayment(
							"Top-up " + topUp.id() + " is paid by another payment than " + notice.paymentId() + "."));
				}
				if (!topUp.money().equals(notice.amount())) {
					return Mono.error(new AmountMismatch("Payment " + notice.paymentId() + " is for "
							+ notice.amount().amount() + " " + notice.amount().currency() + ", top-up " + topUp.id()
							+ " for " + topUp.amount() + " " + topUp.currency() + ": nothing credited."));
				}
				// the callback may come before billing noted the provider's answer
				Mono<TopUp> attached = (topUp.paymentId() != null) ? Mono.just(topUp)
						: store.notePayment(topUp.id(), notice.paymentId())
							.flatMap((after) -> notice.paymentId().equals(after.paymentId()) ? Mono.just(after)
									: Mono.error(new UnknownPayment("Top-up " + topUp.id()
											+ " is paid by another payment than " + notice.paymentId() + ".")));
				return attached.flatMap((current) -> notice.succeeded() ? succeeded(current) : failed(current));
			});
	}

	private Mono<TopUp> succeeded(TopUp topUp) {
		if (topUp.state() == TopUpState.PAID) {
			return Mono.just(topUp);
		}
		if (topUp.state() != TopUpState.PENDING_PAYMENT && topUp.state() != TopUpState.CREDITING) {
			log.warn("Payment {} confirmed for top-up {} after it was {}: credited all the same", topUp.paymentId(),
					topUp.id(), topUp.state());
		}
		Mono<TopUp> confirmed = topUp.state().awaitsCredit() ? store.move(topUp.id(), TopUpState.CREDITING,
				clock.instant(), TopUpState.PENDING_PAYMENT, TopUpState.FAILED, TopUpState.EXPIRED) : Mono.empty();
		return confirmed.switchIfEmpty(Mono.defer(() -> store.find(topUp.id())))
			.flatMap((current) -> (current.state() == TopUpState.PAID) ? Mono.just(current)
					: crediting.credit(current).map(TopUpCrediting.Credited::topUp));
	}

	private Mono<TopUp> failed(TopUp topUp) {
		return store.move(topUp.id(), TopUpState.FAILED, null, TopUpState.PENDING_PAYMENT)
			.switchIfEmpty(Mono.defer(() -> store.find(topUp.id())))
			.flatMap((current) -> (current.state() == TopUpState.FAILED || current.state() == TopUpState.EXPIRED)
					? Mono.just(current) : Mono.error(new AlreadyPaid("Top-up " + current.id()
							+ " was paid; a failure of payment " + current.paymentId() + " changes nothing.")));
	}

	/** The callback names no top-up of ours, or another payment than its own. */
	public static class UnknownPayment extends RuntimeException {

		UnknownPayment(String message) {
			super(message);
		}

	}

	/** The callback's amount or currency is not the top-up's. */
	public static class AmountMismatch extends RuntimeException {

		AmountMismatch(String message) {
			super(message);
		}

	}

	/** A failure reported for a payment already confirmed. */
	public static class AlreadyPaid extends RuntimeException {

		AlreadyPaid(String message) {
			super(message);
		}

	}

}
