package com.rvssl.order.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateRenewalDue;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.Event;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.events.SubmissionFailed;

/**
 * How the other services' events move an order: each event maps to a target state and the
 * facts the views need. Pure, so the whole lifecycle is tested without Kafka or MongoDB.
 * An event whose move the state machine does not allow from the current state is stale
 * (the order went on meanwhile) and never moves the order backwards.
 */
public final class OrderLifecycle {

	/**
	 * The events this service publishes itself: {@link #apply} has nothing to do for
	 * them.
	 */
	private static final Set<Class<? extends Event>> OWN = Set.of(OrderPlaced.class, OrderCancelled.class,
			ReissueRequested.class, DcvResendRequested.class, DcvChangeRequested.class);

	private OrderLifecycle() {
	}

	/**
	 * The reseller cancels. An order billing never got (awaiting its configuration or
	 * approval) is cancelled at once. One that went to billing may be at the CA, so
	 * cancelling it is a request: the order keeps its state until the gateway confirms
	 * (CertificateCancelled, then CANCELLED and refunded) or the CA refuses
	 * (CancellationRefused, then it goes on). Null while a request is pending: asking
	 * again sends nothing.
	 */
	public static OrderChange cancel(Order order, String reason, Instant at) {
		OrderState next = order.state().moveTo(OrderState.CANCELLED);
		EventEnvelope request = EventEnvelope.of(order.id(), order.resellerId(), order.id(),
				OrderCancelled.requested(reason));
		if (!order.state().wentToBilling()) {
			String note = "Cancelled" + ((reason != null) ? ": " + reason : "");
			return OrderChange.to(next, new TimelineEntry(at, next, note))
				.with("cancellationReason", reason)
				.causing(request);
		}
		if (order.cancellation() != null && order.cancellation().isPending()) {
			return null;
		}
		String note = "Cancellation requested" + ((reason != null) ? ": " + reason : "")
				+ "; waiting for the certificate authority's answer";
		return OrderChange.to(order.state(), new TimelineEntry(at, order.state(), note))
			.with("cancellationReason", reason)
			.with("cancellation", new CancellationRequest(at, reason, null))
			.causing(request);
	}

	/**
	 * The configuration completes the order: under {@link AutoOrderMode#AUTOMATIC} it
	 * goes to billing at once, under the other modes it waits for the reseller's approval
	 * (and no event leaves).
	 */
	public static OrderChange configure(Order order, Configuration configuration, AutoOrderMode mode, Instant at) {
		if (order.state() != OrderState.AWAITING_CONFIGURATION) {
			throw new IllegalTransitionException(order.state(), OrderState.PLACED,
					"the order is configured already (state " + order.state() + ")");
		}
		boolean goes = mode == AutoOrderMode.AUTOMATIC;
		OrderState next = order.state().moveTo(goes ? OrderState.PLACED : OrderState.AWAITING_APPROVAL);
		String note = goes ? "Configuration received; order sent to billing" : awaitingApprovalNote(mode);
		OrderChange change = OrderChange.to(next, new TimelineEntry(at, next, note))
			.with("csr", configuration.csr())
			.with("dcv", configuration.dcv())
			.with("organization", configuration.organization())
			.with("mode", mode);
		return goes ? change.causing(order.placedEvent(configuration)) : change;
	}

	/**
	 * The reseller approves a configured order held by ON_RESELLER_APPROVAL or MANUAL: it
	 * goes to billing.
	 */
	public static OrderChange approve(Order order, Instant at) {
		if (order.state() != OrderState.AWAITING_APPROVAL || order.configuration() == null) {
			throw new IllegalTransitionException(order.state(), OrderState.PLACED,
					"only an order awaiting approval can be approved; this one is " + order.state());
		}
		OrderState next = order.state().moveTo(OrderState.PLACED);
		return OrderChange.to(next, new TimelineEntry(at, next, "Approved by the reseller; order sent to billing"))
			.causing(order.placedEvent(order.configuration()));
	}

	/**
	 * Asks the CA to send the approval email again: only while the CA is waiting for
	 * validation by email. The state does not move; the timeline says it happened.
	 */
	public static OrderChange resendDcv(Order order, Instant at) {
		boolean validating = order.state() == OrderState.SUBMITTED || order.state() == OrderState.PENDING_VALIDATION;
		boolean byEmail = order.dcv() != null && order.dcv().method() == DcvMethod.EMAIL
				&& order.dcv().approverEmail() != null;
		if (!validating || !byEmail) {
			throw new IllegalTransitionException(order.state(), order.state(), validating
					? "the order is validated by " + ((order.dcv() != null) ? order.dcv().method() : "no method")
							+ ", not by email: there is no approval email to resend"
					: "the approval email can only be resent while the CA validates the order; it is " + order.state());
		}
		String email = order.dcv().approverEmail();
		return OrderChange
			.to(order.state(), new TimelineEntry(at, order.state(), "Approval email resend requested to " + email))
			.causing(EventEnvelope.of(order.id(), order.resellerId(), order.id(), new DcvResendRequested(email)));
	}

	/**
	 * Refuses (409) a DCV change the order cannot take: the CA must have the order and
	 * still be checking its domains, which for OV/EV ends when the organisation checks
	 * begin.
	 */
	public static void requireDcvChangeable(Order order) {
		boolean atCa = order.state() == OrderState.SUBMITTED || order.state() == OrderState.PENDING_VALIDATION;
		if (!atCa) {
			throw new IllegalTransitionException(order.state(), order.state(),
					"the validation method can only be changed while the CA validates the order; it is "
							+ order.state());
		}
		ValidationStage stage = (order.validationProgress() != null) ? order.validationProgress().stage() : null;
		if (order.validation() != Validation.DV && stage != null && stage != ValidationStage.DCV_PENDING) {
			throw new IllegalTransitionException(order.state(), order.state(),
					"the CA has validated the order's domains already (it is at " + stage
							+ "): there is no domain validation left to change");
		}
	}

	/**
	 * Switches the order's domain-control validation to {@code dcv} (already checked):
	 * the order keeps its state, stores the new method and asks the gateway to tell the
	 * CA. Null when the order is validated that way already, so a repeated request sends
	 * no second change.
	 */
	public static OrderChange changeDcv(Order order, Dcv dcv, Instant at) {
		requireDcvChangeable(order);
		if (sameDcv(order.dcv(), dcv)) {
			return null;
		}
		String how = switch (dcv.method()) {
			case EMAIL -> "email approval by " + dcv.approverEmail();
			case HTTP -> "HTTP file";
			case DNS -> "DNS record";
		};
		return OrderChange
			.to(order.state(), new TimelineEntry(at, order.state(), "Validation method changed to " + how))
			.with("dcv", dcv)
			.causing(EventEnvelope.of(order.id(), order.resellerId(), order.id(), new DcvChangeRequested(dcv)));
	}

	private static boolean sameDcv(Dcv current, Dcv wanted) {
		return current != null && current.method() == wanted.method() && ((current.approverEmail() == null)
				? wanted.approverEmail() == null : current.approverEmail().equalsIgnoreCase(wanted.approverEmail()));
	}

	/**
	 * Asks for the issued certificate again over a new (already checked) CSR. The order
	 * stays ISSUED: the old certificate remains valid until the CA replaces it.
	 */
	public static OrderChange reissue(Order order, String csr, Instant at) {
		if (order.state() != OrderState.ISSUED) {
			throw new IllegalTransitionException(order.state(), order.state(),
					"only an issued certificate can be reissued; this order is " + order.state());
		}
		// the new CSR becomes the order's: the renewals within the plan reuse it
		return reissuing(order, at, false,
				OrderChange.to(order.state(), new TimelineEntry(at, order.state(), "Reissue requested"))
					.with("csr", csr)
					.causing(EventEnvelope.of(order.id(), order.resellerId(), order.id(), new ReissueRequested(csr))));
	}

	/**
	 * The current certificate passed its reissue point while the plan goes on: the order
	 * asks for its successor by itself, over the order's CSR (the latest the reseller
	 * gave). Stale (nothing sent) when that certificate was replaced already, a reissue
	 * is under way, or the order is not issued, so a repeated announcement for the same
	 * serial asks nothing twice.
	 */
	static Outcome renew(Order order, CertificateRenewalDue due, Instant at) {
		if (order.state() != OrderState.ISSUED || order.certificate() == null || order.csr() == null) {
			return new Outcome.Stale("only an issued order renews within its plan; this one is " + order.state());
		}
		if (!order.certificate().serialNumber().equalsIgnoreCase(due.serialNumber())) {
			return new Outcome.Stale("certificate " + due.serialNumber() + " was replaced already");
		}
		if (order.reissue() != null) {
			return new Outcome.Stale("a reissue is under way already");
		}
		Instant planEnd = (order.planEnd() != null) ? order.planEnd() : due.planEnd();
		String note = "Renewal within the plan (until " + day(planEnd) + ") requested automatically: certificate "
				+ due.serialNumber() + " expires " + day(due.notAfter());
		return new Outcome.Applied(reissuing(order, at, true,
				OrderChange.to(order.state(), new TimelineEntry(at, order.state(), note))
					.with("planEnd", planEnd)
					.causing(EventEnvelope.of(order.id(), order.resellerId(), order.id(),
							new ReissueRequested(order.csr(), true)))));
	}

	/**
	 * A reissue is under way from now on; what the CA said while validating the current
	 * certificate is history, so only its word about the new one is shown. A renewal at
	 * risk stays (the certificate still expires unreplaced), now with a reissue under
	 * way.
	 */
	private static OrderChange reissuing(Order order, Instant at, boolean automatic, OrderChange change) {
		String replacing = (order.certificate() != null) ? order.certificate().serialNumber() : null;
		OrderChange reissuing = change.with("reissue", new ReissueUnderway(at, automatic, replacing))
			.with("validationProgress", null)
			.with("validationStatus", null)
			.with("validationDetail", null);
		return (order.renewalAtRisk() != null)
				? reissuing.with("renewalAtRisk", order.renewalAtRisk().withReissueUnderway(true)) : reissuing;
	}

	/**
	 * Status sync found the current certificate expiring within two weeks with no
	 * successor while the plan goes on (and alerted its operators): the order records why
	 * ({@link RenewalAtRisk}), so every view says so until a new certificate arrives.
	 * Stale when that certificate was replaced already or the order is not issued; an
	 * announcement that says nothing new (the same expiry, the same reissue state)
	 * changes nothing.
	 */
	static Outcome atRisk(Order order, CertificateExpiringUnrenewed expiring, Instant at) {
		if (order.state() != OrderState.ISSUED || order.certificate() == null) {
			return new Outcome.Stale(
					"only an issued order's certificate expires unrenewed; this one is " + order.state());
		}
		if (!order.certificate().serialNumber().equalsIgnoreCase(expiring.serialNumber())) {
			return new Outcome.Stale("certificate " + expiring.serialNumber() + " was replaced already");
		}
		RenewalAtRisk known = order.renewalAtRisk();
		if (known != null && known.notAfter() != null && known.notAfter().equals(expiring.notAfter())
				&& known.reissueUnderway() == expiring.reissueUnderway()) {
			return new Outcome.Stale("the renewal at risk is known already");
		}
		Instant since = (known != null && known.since() != null) ? known.since() : at;
		String why = expiring.reissueUnderway() ? "the certificate authority still waits for domain validation"
				: "no reissue is under way";
		String note = "Certificate " + expiring.serialNumber() + " expires on " + day(expiring.notAfter())
				+ " and no renewal has been issued yet: " + why;
		return new Outcome.Applied(OrderChange.to(order.state(), new TimelineEntry(at, order.state(), note))
			.with("renewalAtRisk", new RenewalAtRisk(expiring.notAfter(), since, expiring.reissueUnderway())));
	}

	private static String day(Instant instant) {
		return (instant != null) ? instant.toString().substring(0, 10) : "unknown";
	}

	static String awaitingApprovalNote(AutoOrderMode mode) {
		return "Order configured; waiting for the reseller's approval (Auto Order Setup " + mode + ")";
	}

	/**
	 * Whether the event is one of this service's own, which come back to it on the orders
	 * topic: not for us, whatever the order, so there is no order to read for it.
	 */
	public static boolean isOwn(Event event) {
		return OWN.contains(event.getClass());
	}

	public static Outcome apply(Order order, EventEnvelope envelope) {
		Instant at = envelope.occurredAt();
		Event event = envelope.payload();
		if (event instanceof CreditInsufficient insufficient) {
			PaymentShortfall shortfall = new PaymentShortfall(insufficient.required(), insufficient.balance());
			return move(order, OrderState.WAITING_FOR_PAYMENT, at, "Credit insufficient: "
					+ MoneyText.of(shortfall.required()) + " needed, balance " + MoneyText.of(shortfall.balance()))
				.map((change) -> change.with("shortfall", shortfall));
		}
		if (event instanceof PaymentCaptured captured) {
			return move(order, OrderState.PAID, at, "Paid " + MoneyText.of(captured.amount()) + " from credit")
				.map((change) -> change.with("shortfall", null));
		}
		if (event instanceof SubmissionFailed failed) {
			if (failed.willRetry()) {
				return move(order, OrderState.SUBMISSION_RETRYING, at,
						"Submission attempt " + failed.attempt() + " failed (" + failed.reason() + "); retrying")
					.map((change) -> change.with("failureReason", failed.reason()));
			}
			return move(order, OrderState.REJECTED, at, "Submission failed for good: " + failed.reason())
				.map((change) -> change.with("rejectionReason", failed.reason()));
		}
		if (event instanceof CertificateSubmitted submitted) {
			return move(order, OrderState.SUBMITTED, at, "Submitted to the CA as order " + submitted.caOrderId())
				.map((change) -> change.with("caOrderId", submitted.caOrderId()).with("failureReason", null));
		}
		if (event instanceof CertificateRenewalDue due) {
			return renew(order, due, at);
		}
		if (event instanceof CertificateExpiringUnrenewed expiring) {
			return atRisk(order, expiring, at);
		}
		if (event instanceof CertificateValidationUpdated updated) {
			String said = updated.caStatus() + ((updated.detail() != null) ? " (" + updated.detail() + ")" : "");
			String note = "Validation: " + said;
			if (isAboutTheReissue(order, at)) {
				// the CA validates again for the reissue (its reuse period lapsed): the
				// order stays ISSUED, its current certificate valid, and the views show
				// what the customer has to do
				return new Outcome.Applied(OrderChange
					.to(order.state(), new TimelineEntry(at, order.state(), "Reissue validation: " + said))
					.with("validationStatus", updated.caStatus())
					.with("validationDetail", updated.detail())
					.with("validationProgress",
							new ValidationProgress(updated.stage(), updated.dcv(), updated.detail())));
			}
			return move(order, OrderState.PENDING_VALIDATION, at, note).map((change) -> change
				.with("validationStatus", updated.caStatus())
				.with("validationDetail", updated.detail())
				.with("validationProgress", new ValidationProgress(updated.stage(), updated.dcv(), updated.detail())));
		}
		if (event instanceof CertificateIssued issued) {
			CertificateSummary summary = new CertificateSummary(issued.serialNumber(), issued.notBefore(),
					issued.notAfter(), issued.issuer());
			if (isReplacement(order, issued)) {
				// a reissue: the order stays ISSUED and serves the new certificate from
				// now on
				boolean renewal = order.reissue() != null && order.reissue().automatic();
				String note = "Reissued certificate issued, serial " + issued.serialNumber()
						+ (renewal ? ": renewed within the plan, valid until " + day(issued.notAfter()) : "");
				return new Outcome.Applied(OrderChange.to(order.state(), new TimelineEntry(at, order.state(), note))
					.with("certificate", summary)
					.with("pemChain", issued.pemChain())
					.with("certificates", issuedSoFar(order, summary))
					.with("reissue", null)
					.with("renewalAtRisk", null));
			}
			return move(order, OrderState.ISSUED, at, "Certificate issued, serial " + issued.serialNumber())
				.map((change) -> change.with("certificate", summary)
					.with("pemChain", issued.pemChain())
					.with("caOrderId", (order.caOrderId() != null) ? order.caOrderId() : issued.caOrderId())
					.with("certificates", issuedSoFar(order, summary))
					.with("planEnd", (order.termMonths() > 0 && issued.notBefore() != null)
							? PlanEnd.of(issued.notBefore(), order.termMonths()) : null));
		}
		if (event instanceof CertificateRejected rejected && isAboutTheReissue(order, at)) {
			// the CA refused the new certificate: the current one stays, and so does the
			// order (a renewal at risk now has no reissue under way)
			OrderChange refused = OrderChange
				.to(order.state(),
						new TimelineEntry(at, order.state(), "Reissue refused by the CA: " + rejected.reason()))
				.with("reissue", null);
			return new Outcome.Applied((order.renewalAtRisk() != null)
					? refused.with("renewalAtRisk", order.renewalAtRisk().withReissueUnderway(false)) : refused);
		}
		if (event instanceof CertificateRejected rejected) {
			return move(order, OrderState.REJECTED, at, "Rejected by the CA: " + rejected.reason())
				.map((change) -> change.with("rejectionReason", rejected.reason()));
		}
		if (event instanceof CertificateCancelled cancelled) {
			String note = ((cancelled.caOrderId() != null)
					? "Cancelled at the certificate authority (order " + cancelled.caOrderId() + ")"
					: "Cancelled before it reached the certificate authority")
					+ (cancelled.refundable() ? "; the charge is refunded to credit" : "; not refundable");
			boolean pending = order.cancellation() != null && order.cancellation().isPending();
			if (order.state() == OrderState.ISSUED && pending) {
				// the CA issued while the request was on its way and then revoked the
				// certificate (within its refund window): the gateway's word is final
				return new Outcome.Applied(OrderChange
					.to(OrderState.CANCELLED,
							new TimelineEntry(at, OrderState.CANCELLED,
									note + "; the certificate issued meanwhile is revoked"))
					.with("renewalAtRisk", null));
			}
			return move(order, OrderState.CANCELLED, at, note).map(UnaryOperator.identity());
		}
		if (event instanceof CancellationRefused refused) {
			// the CA keeps the order: it goes on (to ISSUED when the CA issues it), and
			// the views say why it was not cancelled
			CancellationRequest request = (order.cancellation() != null) ? order.cancellation()
					: new CancellationRequest(at, order.cancellationReason(), null);
			CancellationRequest answered = request.refused(refused.reason());
			return new Outcome.Applied(OrderChange
				.to(order.state(), new TimelineEntry(at, order.state(), "Cancellation refused: " + answered.refusal()))
				.with("cancellation", answered));
		}
		if (event instanceof RefundIssued refund) {
			// money went back to credit: a fact for the timeline, not a move of the state
			return new Outcome.Applied(OrderChange.to(order.state(), new TimelineEntry(at, order.state(),
					"Refund of " + MoneyText.of(refund.amount()) + " returned to credit")));
		}
		return new Outcome.NotForUs();
	}

	/**
	 * Whether the CA's word at {@code at} concerns the reissue under way: said after it
	 * was asked for. An older update (the first validation's, delivered late) stays
	 * stale.
	 */
	private static boolean isAboutTheReissue(Order order, Instant at) {
		return order.isBeingReissued()
				&& (order.reissue().requestedAt() == null || at == null || !at.isBefore(order.reissue().requestedAt()));
	}

	/**
	 * The certificates issued so far with {@code latest} last, at most the newest kept.
	 */
	private static List<CertificateSummary> issuedSoFar(Order order, CertificateSummary latest) {
		List<CertificateSummary> all = new ArrayList<>(order.certificates());
		if (all.isEmpty() && order.certificate() != null) {
			// issued before the list was kept: the current certificate opens it
			all.add(order.certificate());
		}
		all.add(latest);
		return List.copyOf(all.subList(Math.max(all.size() - Order.CERTIFICATES_KEPT, 0), all.size()));
	}

	/**
	 * A certificate for an already issued order that is not the one it has: the CA's
	 * answer to a reissue.
	 */
	private static boolean isReplacement(Order order, CertificateIssued issued) {
		return order.state() == OrderState.ISSUED && order.certificate() != null
				&& !order.certificate().serialNumber().equalsIgnoreCase(issued.serialNumber());
	}

	private static Move move(Order order, OrderState target, Instant at, String note) {
		if (!order.state().canMoveTo(target)) {
			return new Move(new Outcome.Stale(order.state() + " does not move to " + target), null);
		}
		return new Move(null, OrderChange.to(target, new TimelineEntry(at, target, note)));
	}

	/** A small builder so each case above reads as "move there, and set these facts". */
	private record Move(Outcome.Stale stale, OrderChange change) {

		Outcome map(UnaryOperator<OrderChange> facts) {
			return (stale != null) ? stale : new Outcome.Applied(facts.apply(change));
		}

	}

}
