package com.rvssl.order.views;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.order.orders.AutoOrderMode;
import com.rvssl.order.orders.CancellationRequest;
import com.rvssl.order.orders.MoneyText;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderState;
import com.rvssl.order.orders.PaymentShortfall;
import com.rvssl.order.orders.ReissueUnderway;
import com.rvssl.order.orders.RenewalAtRisk;
import com.rvssl.order.orders.ValidationProgress;

/**
 * The status strings WHMCS shows, computed from the order's state and facts. The
 * waiting-for-payment strings and the provider's "Complete" are fixed by the contract;
 * the client area never mentions the reseller's credit, which is the reseller's business.
 */
public final class StatusViews {

	public static final String WAITING_CLIENT = "Waiting Submit Order";

	public static final String WAITING_ADMIN = "Waiting for Payment on RVglobalsoft.com";

	public static final String WAITING_PROVIDER = "Waiting for Payment";

	/**
	 * The issued order's status for the customer, the reseller's admin and the provider.
	 */
	public static final String ISSUED_CLIENT = "Issued";

	public static final String ISSUED_ADMIN = "Active";

	public static final String ISSUED_PROVIDER = "Complete";

	/**
	 * Appended to the issued statuses while the platform renews the certificate within
	 * the plan: e.g. "Issued, renewal in progress".
	 */
	public static final String RENEWAL_IN_PROGRESS = ", renewal in progress";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private StatusViews() {
	}

	public static Views of(Order order) {
		return withCancellation(order, withRenewalAtRisk(order, byState(order)));
	}

	/**
	 * A certificate about to expire with no successor ({@link RenewalAtRisk}) is said
	 * first in every view, with why: the customer reads what to do (or to call the
	 * provider), the reseller why the renewal is stuck. The statuses stay the issued ones
	 * WHMCS knows ("..., renewal in progress" while the platform renews within the plan).
	 */
	private static Views withRenewalAtRisk(Order order, Views views) {
		if (!order.isRenewalAtRisk()) {
			return views;
		}
		RenewalAtRisk risk = order.renewalAtRisk();
		String expires = (risk.notAfter() != null) ? "expires on " + DAY.format(risk.notAfter()) : "expires soon";
		ReissueUnderway reissue = order.isBeingReissued() ? order.reissue() : null;
		String requested = (reissue != null && reissue.requestedAt() != null)
				? " requested on " + DAY.format(reissue.requestedAt()) : "";
		String client;
		String staff;
		if (risk.reissueUnderway()) {
			ValidationProgress progress = order.validationProgress();
			ValidationStage stage = (progress != null) ? progress.stage() : null;
			String toDo = Optional.ofNullable(progress)
				.flatMap(ValidationSentences::forClient)
				.orElseGet(() -> validationHint(order));
			client = ((stage == ValidationStage.UNDER_REVIEW)
					? "Your certificate " + expires + " and the certificate authority is still checking its renewal. "
					: "Action needed: your certificate " + expires + " and its renewal is waiting for you. ") + toDo;
			String validation = (stage == null || stage == ValidationStage.DCV_PENDING) ? "domain validation"
					: "the organisation's validation";
			String pending = pendingStep(order, stage);
			staff = "Renewal at risk: the certificate " + expires + " and the certificate authority still waits for "
					+ validation + " of the reissue" + requested + ((pending != null) ? " (" + pending + ")" : "")
					+ ".";
		}
		else {
			client = "Your certificate " + expires + "; its renewal has not started. Please contact your provider.";
			staff = "Renewal at risk: the certificate " + expires + " and no reissue is under way"
					+ ((reissue != null)
							? " at the certificate authority (the reissue" + requested + " has not reached it)" : "")
					+ ". RVglobalsoft.com has been alerted; you can also reissue the certificate now.";
		}
		return new Views(new View(views.client().status(), client), inFront(views.admin(), staff),
				inFront(views.provider(), staff));
	}

	/**
	 * What the CA still waits for, in the reseller's words: the customer's step not taken
	 * yet. Null when not known.
	 */
	private static String pendingStep(Order order, ValidationStage stage) {
		if (stage == ValidationStage.DOCUMENTS_REQUESTED) {
			return "organisation documents not sent yet";
		}
		if (stage == ValidationStage.VERIFICATION_CALL_PENDING) {
			return "verification call not taken yet";
		}
		if (stage == ValidationStage.UNDER_REVIEW) {
			return "the certificate authority is reviewing the organisation's details";
		}
		ValidationProgress progress = order.validationProgress();
		if (progress != null && !progress.dcv().isEmpty()) {
			DcvInstruction first = progress.dcv().get(0);
			return pendingStep(first.method(), first.target());
		}
		if (order.dcv() != null && order.dcv().method() != null) {
			return pendingStep(order.dcv().method(), order.dcv().approverEmail());
		}
		return null;
	}

	private static String pendingStep(DcvMethod method, String target) {
		String named = (target != null && !target.isBlank()) ? " " + target : "";
		return switch (method) {
			case EMAIL -> "approval email" + ((!named.isEmpty()) ? " to" + named : "") + " not followed yet";
			case HTTP -> "validation file" + named + " not published yet";
			case DNS -> "DNS record" + named + " not added yet";
		};
	}

	private static View inFront(View view, String note) {
		return new View(view.status(), (view.detail() != null) ? note + " " + view.detail() : note);
	}

	/**
	 * A cancellation the CA has not answered yet, or refused, is said in every view: the
	 * order goes on, and the reseller needs to know why it was not cancelled.
	 */
	private static Views withCancellation(Order order, Views views) {
		CancellationRequest cancellation = order.cancellation();
		if (cancellation == null || order.state() == OrderState.CANCELLED) {
			return views;
		}
		String note = cancellation.isPending() ? "Cancellation requested; waiting for the certificate authority."
				: "Cancellation refused: " + cancellation.refusal() + ". Nothing is refunded.";
		return new Views(noted(views.client(), note), noted(views.admin(), note), noted(views.provider(), note));
	}

	private static View noted(View view, String note) {
		return new View(view.status(), (view.detail() != null) ? view.detail() + " " + note : note);
	}

	private static Views byState(Order order) {
		return switch (order.state()) {
			case AWAITING_CONFIGURATION -> {
				String needed = "the CSR and domain validation details"
						+ ((order.validation() != Validation.DV) ? " and the organisation details" : "");
				yield same("Awaiting Configuration", "Please submit " + needed + ".",
						"The customer has not submitted " + needed + " yet.");
			}
			case AWAITING_APPROVAL ->
				(order.mode() == AutoOrderMode.MANUAL) ? new Views(new View("Pending", "Your order is being reviewed."),
						new View("Awaiting Manual Submission",
								"Auto Order Setup is Manual: approve the order to submit it to RVglobalsoft.com."),
						new View("Awaiting Approval", "Held until the reseller submits it (Auto Order Setup: Manual)."))
						: new Views(new View("Pending", "Your order is being reviewed."),
								new View("Awaiting Reseller Approval", "Approve the order to submit it."),
								new View("Awaiting Approval", "Waiting for the reseller to approve the order."));
			case PLACED -> new Views(new View("Processing", "Your order has been received."),
					new View("Processing", "Order sent to RVglobalsoft.com for payment."),
					new View("Processing", "Charging the wholesale price " + MoneyText.of(order.price().wholesale())
							+ " to your credit."));
			case WAITING_FOR_PAYMENT -> waitingForPayment(order);
			case PAID -> new Views(
					new View("Processing", "Your order is being submitted to the certificate authority."),
					new View("Processing", "Paid; submitting to the certificate authority."),
					new View("Paid", "Paid " + MoneyText.of(order.price().wholesale()) + "; submitting to the CA."));
			case SUBMISSION_RETRYING -> {
				String reason = "The certificate authority cannot be reached"
						+ ((order.failureReason() != null) ? " (" + order.failureReason() + ")" : "")
						+ "; retrying automatically.";
				yield new Views(new View("Processing", "Your order is being submitted to the certificate authority."),
						new View("Submission retrying", reason), new View("Submission retrying", reason));
			}
			case SUBMITTED -> {
				String detail = "Submitted to the certificate authority"
						+ ((order.caOrderId() != null) ? " as order " + order.caOrderId() : "") + ".";
				yield new Views(new View("Pending Validation", validationHint(order)), new View("Submitted", detail),
						new View("Submitted", detail));
			}
			case PENDING_VALIDATION -> {
				String hint = (order.validationProgress() != null)
						? ValidationSentences.forClient(order.validationProgress()).orElse(validationHint(order))
						: validationHint(order);
				String caDetail = (order.validationDetail() != null) ? order.validationDetail() : hint;
				yield new Views(new View("Pending Validation", hint), new View("Pending Validation", caDetail),
						new View("Pending Validation", caDetail));
			}
			case ISSUED -> order.isBeingReissued() ? beingReissued(order) : issued(order);
			case REJECTED -> {
				String reason = (order.rejectionReason() != null) ? order.rejectionReason() : "no reason given";
				yield new Views(new View("Rejected", "The certificate authority refused the order: " + reason + "."),
						new View("Rejected", "Rejected: " + reason + ". The charge is refunded to credit."),
						new View("Rejected", "Rejected: " + reason + "."));
			}
			case CANCELLED -> {
				String detail = "Cancelled"
						+ ((order.cancellationReason() != null) ? ": " + order.cancellationReason() : "") + ".";
				yield same("Cancelled", detail, detail);
			}
		};
	}

	private static Views issued(Order order) {
		String detail = (order.certificate() != null && order.certificate().notAfter() != null)
				? "Issued; valid until " + DAY.format(order.certificate().notAfter()) + "." : "Issued.";
		return new Views(new View(ISSUED_CLIENT, detail), new View(ISSUED_ADMIN, detail),
				new View(ISSUED_PROVIDER, detail));
	}

	/**
	 * A reissue under way: still issued (the current certificate stays valid until the
	 * new one arrives), said with why (a renewal within the plan the platform asked for
	 * by itself: "..., renewal in progress"; or the reseller's own reissue: the issued
	 * statuses, with a detail saying so) and, when the CA validates again, what the
	 * customer has to do.
	 */
	private static Views beingReissued(Order order) {
		ReissueUnderway reissue = order.reissue();
		// a reseller's own reissue keeps the issued statuses WHMCS knows; the detail says
		// it
		String why = reissue.automatic() ? RENEWAL_IN_PROGRESS : "";
		String validUntil = (order.certificate() != null && order.certificate().notAfter() != null)
				? "valid until " + DAY.format(order.certificate().notAfter()) : "still valid";
		String plan = (order.planEnd() != null) ? " (until " + DAY.format(order.planEnd()) + ")" : "";
		String toDo = Optional.ofNullable(order.validationProgress())
			.flatMap(ValidationSentences::forClient)
			.map((sentence) -> " " + sentence)
			.orElse("");
		String caSaid = (order.validationDetail() != null) ? " The certificate authority: " + order.validationDetail()
				: "";
		String client = reissue.automatic()
				? "Your certificate is " + validUntil + "; its renewal within your plan" + plan + " is on its way."
				: "Your certificate is " + validUntil + "; the reissued certificate is on its way.";
		String staff = (reissue.automatic()
				? "Renewing within the plan" + plan + ": reissue requested automatically on "
						+ DAY.format(reissue.requestedAt())
				: "Reissue requested by the reseller on " + DAY.format(reissue.requestedAt()))
				+ "; the current certificate is " + validUntil + "." + caSaid;
		return new Views(new View(ISSUED_CLIENT + why, client + toDo), new View(ISSUED_ADMIN + why, staff + toDo),
				new View(ISSUED_PROVIDER + why, staff + toDo));
	}

	private static Views waitingForPayment(Order order) {
		PaymentShortfall shortfall = order.shortfall();
		String missing = (shortfall != null)
				? "Credit of " + MoneyText.of(shortfall.missing()) + " is missing (price "
						+ MoneyText.of(shortfall.required()) + ", balance " + MoneyText.of(shortfall.balance()) + ")."
				: "Not enough credit for " + MoneyText.of(order.price().wholesale()) + ".";
		return new Views(new View(WAITING_CLIENT, "Your order has been received and will be submitted shortly."),
				new View(WAITING_ADMIN, missing + " Top up your RVglobalsoft.com account to submit it."),
				new View(WAITING_PROVIDER, missing + " It is submitted by itself once you top up."));
	}

	/** What the domain owner has to do, from the DCV method chosen. */
	private static String validationHint(Order order) {
		if (order.dcv() == null || order.dcv().method() == null) {
			return "Waiting for domain validation.";
		}
		String domain = order.domains().isEmpty() ? "the domain" : order.domains().get(0);
		String dcv = switch (order.dcv().method()) {
			case EMAIL -> "Approve the email sent to " + order.dcv().approverEmail() + ".";
			case HTTP -> "Publish the validation file on http://" + domain + "/.well-known/pki-validation/.";
			case DNS -> "Add the validation DNS TXT record to " + domain + ".";
		};
		return (order.validation() == Validation.DV) ? dcv : dcv + " The CA is also verifying the organisation.";
	}

	private static Views same(String status, String clientDetail, String detail) {
		return new Views(new View(status, clientDetail), new View(status, detail), new View(status, detail));
	}

}
