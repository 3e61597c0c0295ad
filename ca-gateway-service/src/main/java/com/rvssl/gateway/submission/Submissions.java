package com.rvssl.gateway.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.events.SubmissionFailed;
import com.rvssl.gateway.adapters.CaAdapter;
import com.rvssl.gateway.adapters.CaAdapters;
import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import com.rvssl.kit.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the gateway does with an order's events and with due re-attempts. */
@Component
public class Submissions {

	private static final Logger log = LoggerFactory.getLogger(Submissions.class);

	private static final String NEVER_PLACED = "Cancelled before it reached the CA";

	private final SubmissionStore store;

	private final CaSubmission caSubmission;

	private final CaAdapters adapters;

	private final SubmissionProperties properties;

	private final DuplicateCaOrders duplicates;

	private final LateCaOrders lateOrders;

	private final Clock clock;

	Submissions(SubmissionStore store, CaSubmission caSubmission, CaAdapters adapters, SubmissionProperties properties,
			DuplicateCaOrders duplicates, LateCaOrders lateOrders) {
		this.store = store;
		this.caSubmission = caSubmission;
		this.adapters = adapters;
		this.properties = properties;
		this.duplicates = duplicates;
		this.lateOrders = lateOrders;
		this.clock = Clock.systemUTC();
	}

	/**
	 * OrderPlaced: keep what to submit once paid. A repeated OrderPlaced finds the record
	 * there and changes nothing.
	 */
	public Mono<Void> keep(EventEnvelope envelope, OrderPlaced placed) {
		return store.insert(SubmissionRecord.placed(envelope, placed, now()))
			.doOnNext(inserted -> log.info(inserted ? "Order {} kept for submission to {}" : "Order {} already known",
					envelope.orderId(), placed.ca()))
			.then();
	}

	/**
	 * PaymentCaptured: claim the record and submit it. Only one PaymentCaptured can ever
	 * claim it.
	 */
	public Mono<Void> paid(EventEnvelope envelope) {
		return store.find(envelope.orderId())
			.flatMap(
					kept -> store.claimPaid(envelope.orderId(), envelope.eventId().toString(), now(), accountFor(kept)))
			.switchIfEmpty(Mono.fromRunnable(() -> log.info(
					"PaymentCaptured {} for order {} claims nothing (already claimed, cancelled or unknown)",
					envelope.eventId(), envelope.orderId())))
			.flatMap(this::attempt);
	}

	/**
	 * The CA account a new order is placed with: a stable hash of the order id over the
	 * CA's accounts (see {@link CaAdapter#accountFor}); null when the CA has no adapter.
	 */
	private String accountFor(SubmissionRecord record) {
		return adapters.of(record.ca()).map(adapter -> adapter.accountFor(record.orderId())).orElse(null);
	}

	/**
	 * OrderCancelled, a request the CA's answer decides: an order the CA never got is
	 * cancelled at once and confirmed ({@link CertificateCancelled}); one at the CA (or
	 * that may be) is cancelled there first, see {@link #cancelAtCa}. While a submission
	 * is in flight nobody can know, so its end (or its claim running out) decides.
	 */
	public Mono<Void> cancel(EventEnvelope envelope) {
		Instant now = now();
		String orderId = envelope.orderId();
		String eventId = envelope.eventId().toString();
		Mono<Boolean> inFlight = Mono
			.defer(() -> store.cancelInFlight(orderId, eventId, now, now.plus(properties.staleAfter())))
			.doOnNext(record -> log.info("Order {} cancelled while its submission is in flight: settled when it ends",
					orderId))
			.map(record -> true);
		Mono<Boolean> atCa = Mono
			.defer(() -> store.cancelAtCa(orderId, eventId, now, now.plus(properties.staleAfter())))
			.flatMap(record -> cancelAtCa(record).thenReturn(true));
		return store.find(orderId)
			.switchIfEmpty(Mono.fromRunnable(() -> log
				.warn("OrderCancelled {} for order {} the gateway does not know: nothing to cancel", eventId, orderId)))
			.flatMap(record -> store
				.cancelUnplaced(orderId, eventId, event(record, new CertificateCancelled(NEVER_PLACED, true, null)),
						now)
				.doOnNext(cancelled -> log.info("Order {} cancelled before it reached the CA", orderId))
				.map(cancelled -> true)
				.switchIfEmpty(inFlight)
				.switchIfEmpty(atCa))
			.then();
	}

	/**
	 * ReissueRequested: an order at the CA is reissued there over the new CSR; one not
	 * there yet (waiting for payment, or retrying) is placed over the new CSR instead.
	 * Each event is applied once; the outcome is kept on the record ({@code caActions}):
	 * there is no event for it yet.
	 */
	public Mono<Void> reissue(EventEnvelope envelope, ReissueRequested reissue) {
		String eventId = envelope.eventId().toString();
		return store.find(envelope.orderId())
			.filter(record -> !record.appliedEventIds().contains(eventId))
			.flatMap(record -> {
				if (record.state() == SubmissionState.AWAITING_PAYMENT || record.state() == SubmissionState.RETRYING) {
					return store.replaceCsrBeforeSubmission(record.orderId(), reissue.csr(),
							new CaAction(eventId, CaAction.REISSUE, "CSR_REPLACED", "not at the CA yet", now()), now());
				}
				return atCa(record, eventId, CaAction.REISSUE,
						adapter -> adapter.reissue(record.caOrderId(), reissue.csr(), record.domains()));
			})
			.then();
	}

	/**
	 * DcvResendRequested: the CA sends the approval email again; applied once, outcome
	 * kept on the record.
	 */
	public Mono<Void> resendDcv(EventEnvelope envelope, DcvResendRequested resend) {
		String eventId = envelope.eventId().toString();
		return store.find(envelope.orderId())
			.filter(record -> !record.appliedEventIds().contains(eventId))
			.flatMap(record -> atCa(record, eventId, CaAction.DCV_RESEND,
					adapter -> adapter.resendDcvEmail(record.caOrderId(), resend.approverEmail())))
			.then();
	}

	/**
	 * DcvChangeRequested: the CA validates domain control by the new method from now on.
	 * Applied once; once the CA agreed, the record keeps the new method, so later status
	 * reads describe it (the DNS record or file to publish); a refusal is kept with the
	 * old method. An order not at the CA yet is simply submitted with the new method.
	 */
	public Mono<Void> changeDcv(EventEnvelope envelope, DcvChangeRequested change) {
		String eventId = envelope.eventId().toString();
		return store.find(envelope.orderId())
			.filter(record -> !record.appliedEventIds().contains(eventId))
			.flatMap(record -> {
				if (record.state() == SubmissionState.AWAITING_PAYMENT || record.state() == SubmissionState.RETRYING) {
					return store.replaceDcvBeforeSubmission(record.orderId(), change.dcv(),
							new CaAction(eventId, CaAction.DCV_CHANGE, "DCV_REPLACED", "not at the CA yet", now()),
							now());
				}
				return atCa(record, eventId, CaAction.DCV_CHANGE,
						adapter -> adapter.changeDcvMethod(record.caOrderId(), change.dcv()), change.dcv());
			})
			.then();
	}

	private Mono<Boolean> atCa(SubmissionRecord record, String eventId, String kind,
			Function<CaAdapter, Mono<Void>> request) {
		return atCa(record, eventId, kind, request, null);
	}

	/**
	 * @param dcvOnceDone the DCV method the record keeps from now on if the CA does it
	 * (null: unchanged)
	 */
	private Mono<Boolean> atCa(SubmissionRecord record, String eventId, String kind,
			Function<CaAdapter, Mono<Void>> request, Dcv dcvOnceDone) {
		CaAdapter adapter = adapters.of(record.ca(), record.caAccount()).orElse(null);
		if (record.state() != SubmissionState.SUBMITTED || record.caOrderId() == null || adapter == null) {
			String why = (adapter == null) ? "no adapter for CA " + record.ca() : "the order is " + record.state();
			log.info("{} of order {} ignored: {}", kind, record.orderId(), why);
			return store.recordCaAction(record.orderId(), new CaAction(eventId, kind, "IGNORED", why, now()), now());
		}
		return request.apply(adapter)
			.then(Mono.fromCallable(() -> new CaAction(eventId, kind, "DONE", null, now())))
			.onErrorResume(CaRefusal.class,
					refusal -> Mono.just(new CaAction(eventId, kind, "REFUSED", refusal.getMessage(), now())))
			.onErrorResume(CaUnavailable.class,
					failure -> Mono.just(new CaAction(eventId, kind, "UNAVAILABLE", failure.getMessage(), now())))
			.doOnNext(action -> log.info("{} of order {} at {} ({}): {} {}", kind, record.orderId(), record.ca(),
					record.caOrderId(), action.outcome(), (action.detail() != null) ? action.detail() : ""))
			.flatMap(action -> store.recordCaAction(record.orderId(), action,
					"DONE".equals(action.outcome()) ? dcvOnceDone : null, now()));
	}

	/**
	 * Submits a claimed record and records the outcome together with the event it causes.
	 * The attempt ends within the attempt deadline, well inside its claim; the outcome is
	 * recorded only while the claim is still this attempt's (its token), and a CA order
	 * got by an attempt that lost its claim is cancelled at the CA unless it is the one
	 * recorded ({@link DuplicateCaOrders}).
	 */
	Mono<Void> attempt(SubmissionRecord claimed) {
		return caSubmission.submit(claimed).flatMap(outcome -> record(claimed, outcome));
	}

	private Mono<Void> record(SubmissionRecord claimed, SubmissionOutcome outcome) {
		Instant now = now();
		if (outcome instanceof SubmissionOutcome.Accepted accepted) {
			OutboxEntry event = event(claimed, new CertificateSubmitted(claimed.ca(), accepted.caOrderId()));
			Instant checkAt = accepted.uncertain() ? lateOrderCheckAt(now) : null;
			return store.recordSubmitted(claimed, accepted.caOrderId(), event, now, checkAt).flatMap(recorded -> {
				if (recorded) {
					log.info("Order {} submitted to {} (account {}) as {}", claimed.orderId(), claimed.ca(),
							(claimed.caAccount() != null) ? claimed.caAccount() : "default", accepted.caOrderId());
					return store.backlogDueNow(claimed.ca(), now).then();
				}
				log.warn("Order {} got CA order {} but its claim was gone (cancelled or taken over)", claimed.orderId(),
						accepted.caOrderId());
				// cancelled with no CA order yet: this is the one to cancel; otherwise a
				// stray (the record's own CA order id is never overwritten)
				return store.noteCaOrderOfCancelled(claimed.orderId(), accepted.caOrderId(), now)
					.flatMap(cancelled -> cancelled ? Mono.<Void>empty()
							: duplicates.claimLost(claimed, accepted.caOrderId()));
			});
		}
		return recordWithoutCaOrder(claimed, outcome, now).flatMap(recorded -> recorded ? Mono.<Void>empty()
				// cancelled while in flight: the CA has no order from this attempt, so
				// the cancellation can be settled now
				: store.attemptEndedWhileCancelling(claimed.orderId(), now).then());
	}

	private Mono<Boolean> recordWithoutCaOrder(SubmissionRecord claimed, SubmissionOutcome outcome, Instant now) {
		if (outcome instanceof SubmissionOutcome.Refused refused) {
			// SubmissionFailed(willRetry=false) as before, then CertificateRejected with
			// the CA's reason, on which billing refunds (order-service moves to REJECTED
			// on the first and ignores the second).
			log.warn("Order {} refused by {}: {}", claimed.orderId(), claimed.ca(), refused.reason());
			List<OutboxEntry> events = List.of(
					event(claimed, new SubmissionFailed(refused.reason(), claimed.attempts(), false)),
					event(claimed, new CertificateRejected(refused.reason())));
			return store.recordFailed(claimed, refused.reason(), events, now,
					(claimed.attempts() > 1) ? lateOrderCheckAt(now) : null);
		}
		SubmissionOutcome.Unavailable unavailable = (SubmissionOutcome.Unavailable) outcome;
		Instant next = now
			.plus(unavailable.placeUnanswered() ? properties.reattemptDelayAfterUnansweredPlace(claimed.attempts())
					: properties.reattemptDelay(claimed.attempts()));
		log.warn("Order {} not submitted to {} (attempt {}), next attempt at {}: {}", claimed.orderId(), claimed.ca(),
				claimed.attempts(), next, unavailable.reason());
		OutboxEntry event = event(claimed, new SubmissionFailed(unavailable.reason(), claimed.attempts(), true));
		// the call may have reached the CA, which may make the order only later
		return store.recordRetrying(claimed, unavailable.reason(), next, event, now, lateOrderCheckAt(now),
				unavailable.placeUnanswered() ? next : null);
	}

	/**
	 * When the CA is searched once more for orders of a reference whose calls were cut
	 * short (see {@link LateCaOrders}).
	 */
	private Instant lateOrderCheckAt(Instant now) {
		return now.plus(properties.lateOrderWindow());
	}

	/**
	 * Cancels a CANCELLING record's order at the CA: by its id, or found by reference
	 * when its outcome was unknown ({@link CaAdapter#settleReference}: a CA with no
	 * search by reference, Sectigo, is asked by ordering again with the same reference,
	 * which names the order a lost reply made, or makes one now, cancelled at once). The
	 * CA's answer decides the event: cancelled there, or never placed, is a refundable
	 * {@link CertificateCancelled}; a refusal (an issued certificate included) is a
	 * {@link CancellationRefused}, and the order goes on. Found nowhere after an attempt,
	 * the CA is searched once more later, for an order a call cut short made late.
	 */
	Mono<Void> cancelAtCa(SubmissionRecord record) {
		String orderId = record.orderId();
		CaAdapter adapter = adapters.of(record.ca(), record.caAccount()).orElse(null);
		if (adapter == null) {
			String why = "no adapter for CA " + record.ca();
			return (record.caOrderId() != null) ? refused(record, record.caOrderId(), why)
					: store
						.recordCancelled(orderId, null, why,
								event(record, new CertificateCancelled(NEVER_PLACED, true, null)), now())
						.then();
		}
		// the CA refusing the order itself (asked again, e.g. a CSR it refuses): it never
		// had one
		Mono<String> caOrderId = (record.caOrderId() != null) ? Mono.just(record.caOrderId())
				: adapter.settleReference(record.caOrderRequest()).onErrorResume(CaRefusal.class, refusal -> {
					log.info("Order {}: {} refuses the order, so it has none to cancel: {}", orderId, record.ca(),
							refusal.getMessage());
					return Mono.empty();
				});
		Instant checkAt = (record.attempts() > 0) ? lateOrderCheckAt(now()) : null;
		return caOrderId
			.flatMap(id -> adapter.cancel(id, "Cancelled by the reseller (order " + orderId + ")")
				.then(Mono.defer(() -> store.recordCancelled(orderId, id, null,
						event(record, new CertificateCancelled("Cancelled at the CA (order " + id + ")", true, id)),
						now())))
				.doOnNext(done -> log.info("Order {} cancelled at {} ({})", orderId, record.ca(), id))
				.onErrorResume(CaRefusal.class, refusal -> refused(record, id, refusal.getMessage()).thenReturn(true)))
			.switchIfEmpty(Mono.defer(() -> store.recordCancelled(orderId, null, null,
					event(record, new CertificateCancelled(NEVER_PLACED, true, null)), now(), checkAt)))
			.onErrorResume(failure -> {
				Instant next = now().plus(properties.reattemptDelay(record.cancelAttempts() + 1));
				log.warn("Order {} not yet cancelled at {}, next try at {}: {}", orderId, record.ca(), next,
						failure.getMessage());
				return store.postponeCancellation(orderId, failure.getMessage(), next, now());
			})
			.then();
	}

	/**
	 * The CA keeps its order: back to SUBMITTED, announced as submitted when it was found
	 * only now, and the refusal with the CA's reason.
	 */
	private Mono<Void> refused(SubmissionRecord record, String caOrderId, String reason) {
		log.warn("Order {}: {} refused to cancel its order {}: {}", record.orderId(), record.ca(), caOrderId, reason);
		List<OutboxEntry> events = new ArrayList<>();
		if (record.caOrderId() == null) {
			events.add(event(record, new CertificateSubmitted(record.ca(), caOrderId)));
		}
		events.add(event(record, new CancellationRefused(reason, caOrderId)));
		return store.recordCancellationRefused(record.orderId(), caOrderId, reason, events, now()).then();
	}

	/**
	 * Re-attempts what is due, one record after another, at most a batch per sweep; the
	 * number handled.
	 */
	public Mono<Integer> sweep() {
		return sweepSubmissions(0).flatMap(submissions -> sweepCancellations(0).map(c -> submissions + c))
			.flatMap(handled -> lateOrders.sweep(properties.batch()).map(checked -> handled + checked))
			.flatMap(handled -> duplicates.sweep(properties.batch()).map(strays -> handled + strays));
	}

	private Mono<Integer> sweepSubmissions(int done) {
		if (done >= properties.batch()) {
			return Mono.just(done);
		}
		Instant now = now();
		return store.claimDue(now, now.minus(properties.staleAfter()))
			.flatMap(claimed -> attempt(claimed).thenReturn(done + 1))
			.flatMap(this::sweepSubmissions)
			.defaultIfEmpty(done);
	}

	private Mono<Integer> sweepCancellations(int done) {
		if (done >= properties.batch()) {
			return Mono.just(done);
		}
		Instant now = now();
		return store.claimDueCancellation(now, now.plus(properties.staleAfter()))
			.flatMap(record -> cancelAtCa(record).thenReturn(done + 1))
			.flatMap(this::sweepCancellations)
			.defaultIfEmpty(done);
	}

	private static OutboxEntry event(SubmissionRecord record, OrderEvent payload) {
		return OutboxEntry.of(EventEnvelope.of(record.orderId(), record.resellerId(), record.correlationId(), payload));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
