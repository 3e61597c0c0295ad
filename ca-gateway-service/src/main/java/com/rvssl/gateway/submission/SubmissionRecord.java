package com.rvssl.gateway.submission;

import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Organization;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.gateway.adapters.CaOrderRequest;
import com.rvssl.kit.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One order's submission to its CA: the spec kept from OrderPlaced, the state, the
 * outbox, later requests (reissue, DCV resend or change). {@code claimToken} names the
 * attempt holding the SUBMITTING claim (only that attempt may record an outcome);
 * {@code strayCaOrderIds} are CA orders placed by attempts that had lost their claim,
 * cancelled at the CA once the record settles unless the record holds them;
 * {@code straysSince} is set only while there are strays, so the sweep that cancels them
 * reads those records alone (a sparse index, see {@link SubmissionIndexes}).
 * {@code referenceCheckAt}, set only after an attempt whose outcome the CA may still
 * change (a call cut short), is when the CA is searched once more for orders of this
 * reference made late, to be adopted or cancelled as duplicates. {@code caAccount} is the
 * CA account (API key, reseller login) the order is placed with, chosen when it is first
 * claimed for the CA and used for every later call about the order (status, download,
 * cancel, reissue, DCV, searches by reference, duplicates); null in records placed before
 * accounts existed, which belong to the CA's default account.
 */
@Document(SubmissionRecord.COLLECTION)
public record SubmissionRecord(@Id String orderId, String resellerId, String correlationId, CertificateAuthority ca,
		String caProduct, Validation validation, int termMonths, List<String> domains, String csr, Dcv dcv,
		Organization organization, SubmissionState state, int attempts, String caOrderId, String lastError,
		Instant nextAttemptAt, Instant claimedAt, int cancelAttempts, Instant createdAt, Instant updatedAt,
		List<OutboxEntry> outbox, List<String> appliedEventIds, List<CaAction> caActions, String claimToken,
		List<String> strayCaOrderIds, Instant straysSince, Instant referenceCheckAt, String caAccount) {

	/** The collection of the records, whose outboxes the kit's relay publishes. */
	public static final String COLLECTION = "submissions";

	@PersistenceCreator
	public SubmissionRecord {
		domains = (domains != null) ? List.copyOf(domains) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
		appliedEventIds = (appliedEventIds != null) ? List.copyOf(appliedEventIds) : List.of();
		caActions = (caActions != null) ? List.copyOf(caActions) : List.of();
		strayCaOrderIds = (strayCaOrderIds != null) ? List.copyOf(strayCaOrderIds) : List.of();
	}

	/** A record without a CA account (the CA's default account). */
	public SubmissionRecord(String orderId, String resellerId, String correlationId, CertificateAuthority ca,
			String caProduct, Validation validation, int termMonths, List<String> domains, String csr, Dcv dcv,
			Organization organization, SubmissionState state, int attempts, String caOrderId, String lastError,
			Instant nextAttemptAt, Instant claimedAt, int cancelAttempts, Instant createdAt, Instant updatedAt,
			List<OutboxEntry> outbox, List<String> appliedEventIds, List<CaAction> caActions, String claimToken,
			List<String> strayCaOrderIds, Instant straysSince, Instant referenceCheckAt) {
		this(orderId, resellerId, correlationId, ca, caProduct, validation, termMonths, domains, csr, dcv, organization,
				state, attempts, caOrderId, lastError, nextAttemptAt, claimedAt, cancelAttempts, createdAt, updatedAt,
				outbox, appliedEventIds, caActions, claimToken, strayCaOrderIds, straysSince, referenceCheckAt, null);
	}

	static SubmissionRecord placed(EventEnvelope envelope, OrderPlaced placed, Instant now) {
		return new SubmissionRecord(envelope.orderId(), envelope.resellerId(), envelope.correlationId(), placed.ca(),
				placed.caProduct(), placed.validation(), placed.termMonths(), placed.domains(), placed.csr(),
				placed.dcv(), placed.organization(), SubmissionState.AWAITING_PAYMENT, 0, null, null, null, null, 0,
				now, now, List.of(), List.of(envelope.eventId().toString()), List.of(), null, List.of(), null, null);
	}

	CaOrderRequest caOrderRequest() {
		return new CaOrderRequest(orderId, caProduct, validation, termMonths, domains, csr, dcv, organization);
	}

}
