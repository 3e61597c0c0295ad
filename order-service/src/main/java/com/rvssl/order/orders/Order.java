package com.rvssl.order.orders;

import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Organization;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.kit.outbox.OutboxEntry;
import com.rvssl.order.catalog.ProductType;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order, as one document: what was ordered, its state and the facts the views explain
 * it with, the timeline, the ids of the events already applied and the events still to
 * publish. Changes are made by {@link OrderStore} in single conditional updates guarded
 * by {@code version}. An order is a plan for its paid term: {@code planEnd} (set at the
 * first issuance: the first certificate's notBefore plus {@code termMonths} calendar
 * months, UTC, the CA's rule), the certificates issued so far, newest last
 * ({@code certificates}, at most {@link #CERTIFICATES_KEPT}; {@code certificate} is the
 * current one), the reissue under way, if any ({@code reissue}) and, when the current
 * certificate nears its expiry with no successor, why ({@code renewalAtRisk}).
 */
@Document(Order.COLLECTION)
public record Order(@Id String id, String resellerId, String productCode, CertificateAuthority ca, String caProduct,
		Validation validation, ProductType productType, int termMonths, List<String> domains, String whmcsServiceId,
		Customer customer, String csr, Dcv dcv, Organization organization, AutoOrderMode mode, OrderPrice price,
		OrderState state, String caOrderId, CertificateSummary certificate, String pemChain, PaymentShortfall shortfall,
		String validationStatus, String validationDetail, String failureReason, String rejectionReason,
		String cancellationReason, Instant createdAt, Instant updatedAt, List<TimelineEntry> timeline,
		List<String> appliedEventIds, List<OutboxEntry> outbox, String idempotencyKey, String requestHash, long version,
		ValidationProgress validationProgress, CancellationRequest cancellation, Instant planEnd,
		List<CertificateSummary> certificates, ReissueUnderway reissue, RenewalAtRisk renewalAtRisk) {

	/** The collection of order documents, whose outboxes the kit's relay publishes. */
	public static final String COLLECTION = "orders";

	/**
	 * At most this many certificates are listed in {@code certificates}, the newest: a
	 * 24-month plan of 47-day certificates renewed at two thirds needs about 24.
	 */
	public static final int CERTIFICATES_KEPT = 32;

	@PersistenceCreator
	public Order {
		domains = (domains != null) ? List.copyOf(domains) : List.of();
		timeline = (timeline != null) ? List.copyOf(timeline) : List.of();
		appliedEventIds = (appliedEventIds != null) ? List.copyOf(appliedEventIds) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
		certificates = (certificates != null) ? List.copyOf(certificates) : List.of();
	}

	/** With no renewal at risk. */
	public Order(String id, String resellerId, String productCode, CertificateAuthority ca, String caProduct,
			Validation validation, ProductType productType, int termMonths, List<String> domains, String whmcsServiceId,
			Customer customer, String csr, Dcv dcv, Organization organization, AutoOrderMode mode, OrderPrice price,
			OrderState state, String caOrderId, CertificateSummary certificate, String pemChain,
			PaymentShortfall shortfall, String validationStatus, String validationDetail, String failureReason,
			String rejectionReason, String cancellationReason, Instant createdAt, Instant updatedAt,
			List<TimelineEntry> timeline, List<String> appliedEventIds, List<OutboxEntry> outbox, String idempotencyKey,
			String requestHash, long version, ValidationProgress validationProgress, CancellationRequest cancellation,
			Instant planEnd, List<CertificateSummary> certificates, ReissueUnderway reissue) {
		this(id, resellerId, productCode, ca, caProduct, validation, productType, termMonths, domains, whmcsServiceId,
				customer, csr, dcv, organization, mode, price, state, caOrderId, certificate, pemChain, shortfall,
				validationStatus, validationDetail, failureReason, rejectionReason, cancellationReason, createdAt,
				updatedAt, timeline, appliedEventIds, outbox, idempotencyKey, requestHash, version, validationProgress,
				cancellation, planEnd, certificates, reissue, null);
	}

	/** Before its plan is known: no certificate issued, no reissue under way. */
	public Order(String id, String resellerId, String productCode, CertificateAuthority ca, String caProduct,
			Validation validation, ProductType productType, int termMonths, List<String> domains, String whmcsServiceId,
			Customer customer, String csr, Dcv dcv, Organization organization, AutoOrderMode mode, OrderPrice price,
			OrderState state, String caOrderId, CertificateSummary certificate, String pemChain,
			PaymentShortfall shortfall, String validationStatus, String validationDetail, String failureReason,
			String rejectionReason, String cancellationReason, Instant createdAt, Instant updatedAt,
			List<TimelineEntry> timeline, List<String> appliedEventIds, List<OutboxEntry> outbox, String idempotencyKey,
			String requestHash, long version, ValidationProgress validationProgress, CancellationRequest cancellation) {
		this(id, resellerId, productCode, ca, caProduct, validation, productType, termMonths, domains, whmcsServiceId,
				customer, csr, dcv, organization, mode, price, state, caOrderId, certificate, pemChain, shortfall,
				validationStatus, validationDetail, failureReason, rejectionReason, cancellationReason, createdAt,
				updatedAt, timeline, appliedEventIds, outbox, idempotencyKey, requestHash, version, validationProgress,
				cancellation, null, List.of(), null);
	}

	/** Without a cancellation asked for. */
	public Order(String id, String resellerId, String productCode, CertificateAuthority ca, String caProduct,
			Validation validation, ProductType productType, int termMonths, List<String> domains, String whmcsServiceId,
			Customer customer, String csr, Dcv dcv, Organization organization, AutoOrderMode mode, OrderPrice price,
			OrderState state, String caOrderId, CertificateSummary certificate, String pemChain,
			PaymentShortfall shortfall, String validationStatus, String validationDetail, String failureReason,
			String rejectionReason, String cancellationReason, Instant createdAt, Instant updatedAt,
			List<TimelineEntry> timeline, List<String> appliedEventIds, List<OutboxEntry> outbox, String idempotencyKey,
			String requestHash, long version, ValidationProgress validationProgress) {
		this(id, resellerId, productCode, ca, caProduct, validation, productType, termMonths, domains, whmcsServiceId,
				customer, csr, dcv, organization, mode, price, state, caOrderId, certificate, pemChain, shortfall,
				validationStatus, validationDetail, failureReason, rejectionReason, cancellationReason, createdAt,
				updatedAt, timeline, appliedEventIds, outbox, idempotencyKey, requestHash, version, validationProgress,
				null);
	}

	/** Without validation progress (none heard from the CA yet). */
	public Order(String id, String resellerId, String productCode, CertificateAuthority ca, String caProduct,
			Validation validation, ProductType productType, int termMonths, List<String> domains, String whmcsServiceId,
			Customer customer, String csr, Dcv dcv, Organization organization, AutoOrderMode mode, OrderPrice price,
			OrderState state, String caOrderId, CertificateSummary certificate, String pemChain,
			PaymentShortfall shortfall, String validationStatus, String validationDetail, String failureReason,
			String rejectionReason, String cancellationReason, Instant createdAt, Instant updatedAt,
			List<TimelineEntry> timeline, List<String> appliedEventIds, List<OutboxEntry> outbox, String idempotencyKey,
			String requestHash, long version) {
		this(id, resellerId, productCode, ca, caProduct, validation, productType, termMonths, domains, whmcsServiceId,
				customer, csr, dcv, organization, mode, price, state, caOrderId, certificate, pemChain, shortfall,
				validationStatus, validationDetail, failureReason, rejectionReason, cancellationReason, createdAt,
				updatedAt, timeline, appliedEventIds, outbox, idempotencyKey, requestHash, version, null, null);
	}

	/**
	 * A new order from a checked draft: configured ones go straight to billing
	 * ({@code PLACED} with an {@code OrderPlaced} in the outbox) under
	 * {@link AutoOrderMode#AUTOMATIC}, or wait for the reseller's approval under the
	 * other modes; unconfigured ones wait for their configuration. {@code idempotencyKey}
	 * is unique per reseller; without a client key the order id stands in.
	 */
	public static Order open(String id, String resellerId, OrderDraft draft, AutoOrderMode mode, Instant now,
			String idempotencyKey, String requestHash) {
		Configuration configuration = draft.configuration();
		boolean configured = configuration != null;
		boolean goes = configured && mode == AutoOrderMode.AUTOMATIC;
		OrderState state = !configured ? OrderState.AWAITING_CONFIGURATION
				: OrderState.AWAITING_CONFIGURATION.moveTo(goes ? OrderState.PLACED : OrderState.AWAITING_APPROVAL);
		List<TimelineEntry> timeline = List.of(switch (state) {
			case PLACED -> new TimelineEntry(now, state, "Order placed and sent to billing");
			case AWAITING_APPROVAL -> new TimelineEntry(now, state, OrderLifecycle.awaitingApprovalNote(mode));
			default -> new TimelineEntry(now, state, "Order created; waiting for the CSR and validation details");
		});
		Order order = new Order(id, resellerId, draft.product().code(), draft.product().ca(),
				draft.product().caProduct(), draft.product().validation(), draft.product().type(),
				draft.price().termMonths(), draft.domains(), draft.whmcsServiceId(), draft.customer(),
				configured ? configuration.csr() : null, configured ? configuration.dcv() : null,
				configured ? configuration.organization() : null, mode,
				new OrderPrice(draft.price().wholesale(), draft.retail()), state, null, null, null, null, null, null,
				null, null, null, now, now, timeline, List.of(), List.of(),
				(idempotencyKey != null) ? idempotencyKey : "order:" + id, requestHash, 0);
		if (!goes) {
			return order;
		}
		return order.withOutbox(List.of(OutboxEntry.of(order.placedEvent(configuration))));
	}

	/** The event that hands a configured order to billing and the gateway. */
	public EventEnvelope placedEvent(Configuration configuration) {
		Organization organization = (validation == Validation.DV) ? null : configuration.organization();
		OrderPlaced placed = new OrderPlaced(productCode, ca, caProduct, validation, termMonths, domains,
				configuration.csr(), configuration.dcv(), customer, organization, price.wholesale(), price.retail(),
				whmcsServiceId);
		return EventEnvelope.of(id, resellerId, id, placed);
	}

	/** The configuration stored on the order; null until it has been configured. */
	public Configuration configuration() {
		return (csr != null && dcv != null) ? new Configuration(csr, dcv, organization) : null;
	}

	/** Whether a reissue was asked for and its certificate has not arrived yet. */
	public boolean isBeingReissued() {
		return state == OrderState.ISSUED && reissue != null;
	}

	/**
	 * Whether the current certificate nears its expiry with no successor issued (see
	 * {@link RenewalAtRisk}).
	 */
	public boolean isRenewalAtRisk() {
		return state == OrderState.ISSUED && renewalAtRisk != null;
	}

	public boolean hasApplied(String eventId) {
		return appliedEventIds.contains(eventId);
	}

	public boolean isOwnedBy(String reseller) {
		return resellerId.equals(reseller);
	}

	private Order withOutbox(List<OutboxEntry> entries) {
		return new Order(id, resellerId, productCode, ca, caProduct, validation, productType, termMonths, domains,
				whmcsServiceId, customer, csr, dcv, organization, mode, price, state, caOrderId, certificate, pemChain,
				shortfall, validationStatus, validationDetail, failureReason, rejectionReason, cancellationReason,
				createdAt, updatedAt, timeline, appliedEventIds, entries, idempotencyKey, requestHash, version,
				validationProgress, cancellation, planEnd, certificates, reissue, renewalAtRisk);
	}

}
