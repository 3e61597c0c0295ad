package com.rvssl.sandbox.orders;

import java.time.Instant;
import java.util.List;

/**
 * One order at the sandbox CA. Immutable: each step returns the next version, and the
 * {@link CaOrderBook} swaps versions atomically. Every step starts from {@code pending},
 * except reissue and revoke, which an issued order also takes; the other statuses are
 * final.
 *
 * @param api the API the order came through ({@code digicert} or {@code sectigo})
 * @param product the product code in that API's terms
 * @param reference the caller's own id for the order (DigiCert's {@code comments},
 * Sectigo's {@code uniqueValue}), by which a caller whose reply was lost finds the order
 * again
 * @param dnsNames every name the certificate covers, the common name first
 * @param csr the PEM CSR, verified on submission
 * @param certificate set once issued
 * @param dcvEmailsResent how often the caller asked for the approval email again
 * @param reissues how often the order was reissued over a new CSR
 * @param refunded whether the order's price went back to the reseller (cancel or revoke
 * in the refund window)
 * @param step where a pending order stands in the CA's checks (null once it left
 * {@code pending})
 * @param stepSince when the order reached that step, the start of the step's clock
 */
public record CaOrder(long id, String api, String product, ValidationLevel validation, String reference,
		String commonName, List<String> dnsNames, String csr, int years, String dcvMethod, List<String> dcvEmails,
		long certificateId, long requestId, List<Domain> domains, String dcvRandomValue, Instant createdAt,
		OrderStatus status, Instant updatedAt, IssuedCertificate certificate, String rejectionReason, String note,
		int dcvEmailsResent, int reissues, boolean refunded, ValidationStep step, Instant stepSince) {

	public CaOrder {
		dnsNames = List.copyOf(dnsNames);
		dcvEmails = (dcvEmails != null) ? List.copyOf(dcvEmails) : List.of();
		domains = List.copyOf(domains);
		// snapshots written before steps existed: a pending order starts its level's
		// first step
		if (status == OrderStatus.PENDING && step == null) {
			step = ValidationStep.first(validation);
			stepSince = (stepSince != null) ? stepSince : createdAt;
		}
		if (status != OrderStatus.PENDING) {
			step = null;
		}
	}

	/** The next validation step, reached now. */
	CaOrder steppedTo(ValidationStep next, Instant at) {
		requirePending(OrderStatus.PENDING);
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, at, this.certificate,
				this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, this.refunded, next, at);
	}

	/** Domain control by another method from now on (and, for email, other approvers). */
	CaOrder withDcvMethod(String method, List<String> emails, Instant at) {
		requirePending(OrderStatus.PENDING);
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, method, (emails != null) ? emails : this.dcvEmails,
				this.certificateId, this.requestId, this.domains, this.dcvRandomValue, this.createdAt, this.status, at,
				this.certificate, this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, this.refunded,
				this.step, this.stepSince);
	}

	CaOrder issued(IssuedCertificate issued, Instant at) {
		requirePending(OrderStatus.ISSUED);
		return with(OrderStatus.ISSUED, at, issued, null, this.note, this.dcvEmailsResent);
	}

	CaOrder rejected(String reason, Instant at) {
		requirePending(OrderStatus.REJECTED);
		return with(OrderStatus.REJECTED, at, null, reason, this.note, this.dcvEmailsResent);
	}

	CaOrder canceled(String note, Instant at) {
		requirePending(OrderStatus.CANCELED);
		return with(OrderStatus.CANCELED, at, null, null, note, this.dcvEmailsResent).refund();
	}

	/**
	 * An issued certificate revoked at the reseller's request, refunded within the refund
	 * window.
	 */
	CaOrder revoked(String note, boolean refund, Instant at) {
		if (this.status != OrderStatus.ISSUED) {
			throw new IllegalTransitionException(this.id, this.status, OrderStatus.REVOKED);
		}
		CaOrder revoked = with(OrderStatus.REVOKED, at, this.certificate, null, note, this.dcvEmailsResent);
		return refund ? revoked.refund() : revoked;
	}

	/**
	 * A new CSR for the order: a pending order simply waits for the new one; an issued
	 * order gets a new certificate at once (the old one stays valid, as at the real CAs).
	 */
	CaOrder reissued(String newCsr, IssuedCertificate newCertificate, Instant at) {
		if (this.status != OrderStatus.PENDING && this.status != OrderStatus.ISSUED) {
			throw new IllegalTransitionException(this.id, this.status, OrderStatus.ISSUED);
		}
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, newCsr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, at,
				(newCertificate != null) ? newCertificate : this.certificate, this.rejectionReason, this.note,
				this.dcvEmailsResent, this.reissues + 1, this.refunded, this.step, this.stepSince);
	}

	/** The same order over another CSR, to sign a reissue with. */
	CaOrder withCsr(String newCsr) {
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, newCsr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, this.updatedAt, this.certificate,
				this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, this.refunded, this.step,
				this.stepSince);
	}

	private CaOrder refund() {
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, this.updatedAt, this.certificate,
				this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, true, this.step, this.stepSince);
	}

	CaOrder dcvEmailResent(Instant at) {
		requirePending(OrderStatus.PENDING);
		return with(this.status, at, this.certificate, this.rejectionReason, this.note, this.dcvEmailsResent + 1);
	}

	private void requirePending(OrderStatus target) {
		if (this.status != OrderStatus.PENDING) {
			throw new IllegalTransitionException(this.id, this.status, target);
		}
	}

	private CaOrder with(OrderStatus newStatus, Instant at, IssuedCertificate newCertificate, String reason,
			String newNote, int resent) {
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, newStatus, at, newCertificate, reason, newNote,
				resent, this.reissues, this.refunded, this.step, this.stepSince);
	}
}
