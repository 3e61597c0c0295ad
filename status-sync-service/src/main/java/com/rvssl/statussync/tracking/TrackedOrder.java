package com.rvssl.statussync.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.kit.outbox.OutboxEntry;
import com.rvssl.statussync.gateway.CaOrderStatus;
import com.rvssl.statussync.gateway.CaStatus;
import com.rvssl.statussync.gateway.IssuedCertificate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One order followed at its CA. Everything that must change together lives here, because
 * the database offers no multi-document transactions: the state, what the CA last said,
 * the next check time (which doubles as the claim's lease), and the events its changes
 * caused ({@code outbox}). The {@code _id} is the order id, so a redelivered
 * {@code CertificateSubmitted} cannot create a second record. The poll's index is made by
 * {@link TrackedOrderIndexes}. {@code validation} and {@code paceFrom} (submission or
 * last nudge) set the pace of checks; {@code leaseOwner} names the instance holding the
 * current claim; {@code notAfter} is the issued certificate's expiry, kept for renewal
 * reminders; {@code issuedSerial} the serial already announced, so that after a reissue
 * only a certificate with a new serial counts as issued; {@code lastStage} and
 * {@code lastDcv} the validation stage and DCV instructions last published;
 * {@code termMonths} the paid term OrderPlaced announced (null when it was not seen),
 * {@code planEnd} the end of that plan ({@link PlanTerm}, set at the first issuance) and
 * {@code reissueDueAt} the current certificate's reissue point ({@link ReissuePoint}),
 * set while the plan needs another certificate and unset once its
 * {@code CertificateRenewalDue} is queued; {@code pushedIssued} a CA push's word that the
 * certificate was issued, until the next check's answer is recorded.
 */
@Document(TrackedOrder.COLLECTION)
public record TrackedOrder(@Id String id, String resellerId, String correlationId, CertificateAuthority ca,
		String caOrderId, TrackingState state, CaOrderStatus lastStatus, String lastCaStatus, String lastDetail,
		Instant submittedAt, Instant nextCheckAt, int checks, int consecutiveFailures, String lastError, String leaseId,
		Instant finishedAt, List<OutboxEntry> outbox, List<String> appliedEventIds, Validation validation,
		Instant paceFrom, String leaseOwner, Instant notAfter, String issuedSerial, ValidationStage lastStage,
		List<DcvInstruction> lastDcv, Integer termMonths, Instant planEnd, Instant reissueDueAt, Boolean pushedIssued) {

	public static final String COLLECTION = "tracked_orders";

	@PersistenceCreator
	public TrackedOrder {
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
		appliedEventIds = (appliedEventIds != null) ? List.copyOf(appliedEventIds) : List.of();
		lastDcv = (lastDcv != null) ? List.copyOf(lastDcv) : List.of();
	}

	/** With no push saying the certificate was issued. */
	public TrackedOrder(String id, String resellerId, String correlationId, CertificateAuthority ca, String caOrderId,
			TrackingState state, CaOrderStatus lastStatus, String lastCaStatus, String lastDetail, Instant submittedAt,
			Instant nextCheckAt, int checks, int consecutiveFailures, String lastError, String leaseId,
			Instant finishedAt, List<OutboxEntry> outbox, List<String> appliedEventIds, Validation validation,
			Instant paceFrom, String leaseOwner, Instant notAfter, String issuedSerial, ValidationStage lastStage,
			List<DcvInstruction> lastDcv, Integer termMonths, Instant planEnd, Instant reissueDueAt) {
		this(id, resellerId, correlationId, ca, caOrderId, state, lastStatus, lastCaStatus, lastDetail, submittedAt,
				nextCheckAt, checks, consecutiveFailures, lastError, leaseId, finishedAt, outbox, appliedEventIds,
				validation, paceFrom, leaseOwner, notAfter, issuedSerial, lastStage, lastDcv, termMonths, planEnd,
				reissueDueAt, null);
	}

	/**
	 * Whether a CA push said the certificate was issued since the last check
	 * ({@code pushedIssued}): the next check asks for the certificate first.
	 */
	public boolean pushSaysIssued() {
		return Boolean.TRUE.equals(pushedIssued);
	}

	/** Without the last validation stage and instructions (none published yet). */
	public TrackedOrder(String id, String resellerId, String correlationId, CertificateAuthority ca, String caOrderId,
			TrackingState state, CaOrderStatus lastStatus, String lastCaStatus, String lastDetail, Instant submittedAt,
			Instant nextCheckAt, int checks, int consecutiveFailures, String lastError, String leaseId,
			Instant finishedAt, List<OutboxEntry> outbox, List<String> appliedEventIds, Validation validation,
			Instant paceFrom, String leaseOwner, Instant notAfter, String issuedSerial) {
		this(id, resellerId, correlationId, ca, caOrderId, state, lastStatus, lastCaStatus, lastDetail, submittedAt,
				nextCheckAt, checks, consecutiveFailures, lastError, leaseId, finishedAt, outbox, appliedEventIds,
				validation, paceFrom, leaseOwner, notAfter, issuedSerial, null, List.of());
	}

	/** Without a plan (its term not known, not issued yet). */
	public TrackedOrder(String id, String resellerId, String correlationId, CertificateAuthority ca, String caOrderId,
			TrackingState state, CaOrderStatus lastStatus, String lastCaStatus, String lastDetail, Instant submittedAt,
			Instant nextCheckAt, int checks, int consecutiveFailures, String lastError, String leaseId,
			Instant finishedAt, List<OutboxEntry> outbox, List<String> appliedEventIds, Validation validation,
			Instant paceFrom, String leaseOwner, Instant notAfter, String issuedSerial, ValidationStage lastStage,
			List<DcvInstruction> lastDcv) {
		this(id, resellerId, correlationId, ca, caOrderId, state, lastStatus, lastCaStatus, lastDetail, submittedAt,
				nextCheckAt, checks, consecutiveFailures, lastError, leaseId, finishedAt, outbox, appliedEventIds,
				validation, paceFrom, leaseOwner, notAfter, issuedSerial, lastStage, lastDcv, null, null, null);
	}

	/**
	 * The plan this order's certificates belong to: the one recorded at the first
	 * issuance, else the one a first certificate valid from {@code notBefore} starts;
	 * empty when the order's term is not known.
	 */
	public Optional<PlanTerm> plan(Instant firstNotBefore) {
		if (planEnd != null) {
			return Optional.of(new PlanTerm(planEnd));
		}
		if (termMonths == null || termMonths <= 0 || firstNotBefore == null) {
			return Optional.empty();
		}
		return Optional.of(PlanTerm.of(firstNotBefore, termMonths));
	}

	/**
	 * What the CA's answer means for this order. A validation update is only published
	 * when the status, the CA's word, the detail, the stage or the DCV instructions moved
	 * since the last check, so a CA that keeps saying "pending" causes no traffic.
	 * @param certificate the issued certificate, required when the status is
	 * {@code ISSUED}
	 */
	public Observation observe(CaStatus answer, IssuedCertificate certificate) {
		return switch (answer.status()) {
			case ISSUED -> alreadyAnnounced(certificate)
					? new Observation(answer, TrackingState.OUTSTANDING, List.of(), CheckOutcome.UNCHANGED)
					: new Observation(answer, TrackingState.DONE, List.of(issued(certificate)), CheckOutcome.ISSUED);
			case REJECTED -> new Observation(answer, TrackingState.DONE,
					List.of(new CertificateRejected(
							firstPresent(answer.detail(), answer.caStatus(), "rejected by the CA"))),
					CheckOutcome.REJECTED);
			case CANCELLED -> new Observation(answer, TrackingState.STOPPED, List.of(), CheckOutcome.CANCELLED);
			case PENDING_VALIDATION -> changedSinceLastCheck(answer)
					? new Observation(answer, TrackingState.OUTSTANDING,
							List.of(new CertificateValidationUpdated(answer.caStatus(), answer.detail(), answer.stage(),
									answer.dcv())),
							CheckOutcome.UPDATED)
					: new Observation(answer, TrackingState.OUTSTANDING, List.of(), CheckOutcome.UNCHANGED);
		};
	}

	/**
	 * The same order having published this stage and these instructions last (for tests
	 * and replays).
	 */
	public TrackedOrder withLastValidation(ValidationStage stage, List<DcvInstruction> dcv) {
		return new TrackedOrder(id, resellerId, correlationId, ca, caOrderId, state, lastStatus, lastCaStatus,
				lastDetail, submittedAt, nextCheckAt, checks, consecutiveFailures, lastError, leaseId, finishedAt,
				outbox, appliedEventIds, validation, paceFrom, leaseOwner, notAfter, issuedSerial, stage, dcv,
				termMonths, planEnd, reissueDueAt, pushedIssued);
	}

	/**
	 * After a reissue the CA may still serve the old certificate for a while: that is no
	 * news.
	 */
	private boolean alreadyAnnounced(IssuedCertificate certificate) {
		return certificate != null && issuedSerial != null && issuedSerial.equalsIgnoreCase(certificate.serialNumber());
	}

	private CertificateIssued issued(IssuedCertificate certificate) {
		Objects.requireNonNull(certificate, "an issued order needs its certificate");
		return new CertificateIssued(caOrderId, certificate.serialNumber(), certificate.notBefore(),
				certificate.notAfter(), certificate.issuer(), certificate.pemChain());
	}

	private boolean changedSinceLastCheck(CaStatus answer) {
		return answer.status() != lastStatus || !Objects.equals(answer.caStatus(), lastCaStatus)
				|| !Objects.equals(answer.detail(), lastDetail) || answer.stage() != lastStage
				|| !Objects.equals(answer.dcv(), lastDcv);
	}

	private static String firstPresent(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
	}

}
