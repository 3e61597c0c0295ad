package com.rvssl.sandbox.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One order at the sandbox CA. Immutable: each step returns the next version, and the
 * {@link CaOrderBook} swaps versions atomically. Every step starts from {@code pending},
 * except reissue and revoke, which an issued order also takes; the other statuses are
 * final. An order is a plan: its first certificate sets {@code planEnd}, and reissues
 * until then bring new certificates; a reissue whose validations are too old to reuse
 * takes the order back to {@code pending} until they are done again.
 *
 * @param api the API the order came through ({@code digicert} or {@code sectigo})
 * @param product the product code in that API's terms
 * @param reference the caller's own id for the order (DigiCert's {@code comments},
 * Sectigo's {@code uniqueValue}), by which a caller whose reply was lost finds the order
 * again
 * @param dnsNames every name the certificate covers, the common name first
 * @param csr the PEM CSR, verified on submission
 * @param years the paid term in years (see {@link #term()})
 * @param domains the names with when each was last validated
 * @param certificate the latest certificate, set once issued
 * @param dcvEmailsResent how often the caller asked for the approval email again
 * @param reissues how often the order was reissued over a new CSR
 * @param refunded whether the order's price went back to the reseller (cancel or revoke
 * in the refund window)
 * @param step where a pending order stands in the CA's checks (null once it left
 * {@code pending})
 * @param stepSince when the order reached that step, the start of the step's clock
 * @param planEnd the end of the paid plan, set by the first certificate (null before)
 * @param certificates every certificate issued for the order, oldest first
 * @param organizationValidatedAt when the organisation (OV/EV) was last validated, on the
 * sandbox's clock (null: not yet, or DV)
 * @param account the account (API key, reseller login) that placed the order: only calls
 * with that account's credentials see it (null in orders kept from before accounts
 * existed: the API's default account, see {@code SandboxProperties#defaultAccount})
 */
public record CaOrder(long id, String api, String product, ValidationLevel validation, String reference,
		String commonName, List<String> dnsNames, String csr, int years, String dcvMethod, List<String> dcvEmails,
		long certificateId, long requestId, List<Domain> domains, String dcvRandomValue, Instant createdAt,
		OrderStatus status, Instant updatedAt, IssuedCertificate certificate, String rejectionReason, String note,
		int dcvEmailsResent, int reissues, boolean refunded, ValidationStep step, Instant stepSince, Instant planEnd,
		List<IssuedCertificate> certificates, Instant organizationValidatedAt, String account) {

	public CaOrder {
		dnsNames = List.copyOf(dnsNames);
		dcvEmails = (dcvEmails != null) ? List.copyOf(dcvEmails) : List.of();
		domains = List.copyOf(domains);
		// snapshots written before plans existed: the one certificate they had, its plan
		// counted from it
		if (certificates == null) {
			certificates = (certificate != null) ? List.of(certificate) : List.of();
		}
		certificates = List.copyOf(certificates);
		if (planEnd == null && !certificates.isEmpty()) {
			planEnd = PlanTerm.ofYears(years).endFrom(certificates.get(0).notBefore());
		}
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

	/** Without an account (orders kept from before accounts existed). */
	public CaOrder(long id, String api, String product, ValidationLevel validation, String reference, String commonName,
			List<String> dnsNames, String csr, int years, String dcvMethod, List<String> dcvEmails, long certificateId,
			long requestId, List<Domain> domains, String dcvRandomValue, Instant createdAt, OrderStatus status,
			Instant updatedAt, IssuedCertificate certificate, String rejectionReason, String note, int dcvEmailsResent,
			int reissues, boolean refunded, ValidationStep step, Instant stepSince, Instant planEnd,
			List<IssuedCertificate> certificates, Instant organizationValidatedAt) {
		this(id, api, product, validation, reference, commonName, dnsNames, csr, years, dcvMethod, dcvEmails,
				certificateId, requestId, domains, dcvRandomValue, createdAt, status, updatedAt, certificate,
				rejectionReason, note, dcvEmailsResent, reissues, refunded, step, stepSince, planEnd, certificates,
				organizationValidatedAt, null);
	}

	/** The same order, placed by that account. */
	CaOrder ofAccount(String owner) {
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, this.updatedAt, this.certificate,
				this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, this.refunded, this.step,
				this.stepSince, this.planEnd, this.certificates, this.organizationValidatedAt, owner);
	}

	/** The paid term the plan lasts, counted from the first certificate. */
	public PlanTerm term() {
		return PlanTerm.ofYears(this.years);
	}

	/**
	 * The plan's end for a certificate starting at {@code notBefore}: the one set by the
	 * first certificate, or, for the first, counted from it.
	 */
	public Instant planEndFor(Instant notBefore) {
		return (this.planEnd != null) ? this.planEnd : term().endFrom(notBefore);
	}

	/**
	 * Whether a reissue of an issued order is waiting for its validations to be done
	 * again (DigiCert calls this {@code reissue_pending}).
	 */
	public boolean reissuing() {
		return this.status == OrderStatus.PENDING && !this.certificates.isEmpty();
	}

	/** The next validation step, reached now. */
	CaOrder steppedTo(ValidationStep next, Instant at) {
		requirePending(OrderStatus.PENDING);
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, at, this.certificate,
				this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, this.refunded, next, at,
				this.planEnd, this.certificates, this.organizationValidatedAt, this.account);
	}

	/** Domain control by another method from now on (and, for email, other approvers). */
	CaOrder withDcvMethod(String method, List<String> emails, Instant at) {
		requirePending(OrderStatus.PENDING);
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, method, (emails != null) ? emails : this.dcvEmails,
				this.certificateId, this.requestId, this.domains, this.dcvRandomValue, this.createdAt, this.status, at,
				this.certificate, this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, this.refunded,
				this.step, this.stepSince, this.planEnd, this.certificates, this.organizationValidatedAt, this.account);
	}

	/**
	 * Issued at the end of a validation round: every domain counts as validated now (by
	 * its proof, or within the OV/EV checks), the organisation too when the round went
	 * through its steps; the first certificate sets the plan's end.
	 */
	CaOrder issued(IssuedCertificate issued, boolean organizationValidated, Instant at) {
		requirePending(OrderStatus.ISSUED);
		List<IssuedCertificate> all = new ArrayList<>(this.certificates);
		all.add(issued);
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains.stream().map((domain) -> domain.validated(at)).toList(), this.dcvRandomValue,
				this.createdAt, OrderStatus.ISSUED, at, issued, null, this.note, this.dcvEmailsResent, this.reissues,
				this.refunded, null, null, planEndFor(issued.notBefore()), all,
				organizationValidated ? at : this.organizationValidatedAt, this.account);
	}

	/**
	 * A reissue whose validation ended after the plan's end: no new certificate, the
	 * order stays with its last.
	 */
	CaOrder reissueLapsed(Instant at) {
		requirePending(OrderStatus.ISSUED);
		return with(OrderStatus.ISSUED, at, this.certificate, null, this.note, this.dcvEmailsResent);
	}

	CaOrder rejected(String reason, Instant at) {
		requirePending(OrderStatus.REJECTED);
		return with(OrderStatus.REJECTED, at, null, reason, this.note, this.dcvEmailsResent);
	}

	/**
	 * Canceled (and refunded) while pending; a reissue in progress is not a new purchase
	 * and cannot be canceled this way.
	 */
	CaOrder canceled(String note, Instant at) {
		requirePending(OrderStatus.CANCELED);
		if (reissuing()) {
			throw new IllegalTransitionException(this.id, OrderStatus.ISSUED, OrderStatus.CANCELED);
		}
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
		List<IssuedCertificate> all = new ArrayList<>(this.certificates);
		if (newCertificate != null) {
			all.add(newCertificate);
		}
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, newCsr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, at,
				(newCertificate != null) ? newCertificate : this.certificate, this.rejectionReason, this.note,
				this.dcvEmailsResent, this.reissues + 1, this.refunded, this.step, this.stepSince, this.planEnd, all,
				this.organizationValidatedAt, this.account);
	}

	/**
	 * A reissue of an issued order whose validations are too old to reuse: back to
	 * {@code pending} at {@code step} (domain control by the same method, or the OV/EV
	 * steps), the last certificate still valid meanwhile.
	 */
	CaOrder reissuedAfterValidation(String newCsr, ValidationStep step, Instant at) {
		if (this.status != OrderStatus.ISSUED) {
			throw new IllegalTransitionException(this.id, this.status, OrderStatus.PENDING);
		}
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, newCsr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, OrderStatus.PENDING, at, this.certificate,
				this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues + 1, this.refunded, step, at,
				this.planEnd, this.certificates, this.organizationValidatedAt, this.account);
	}

	/** The same order over another CSR, to sign a reissue with. */
	CaOrder withCsr(String newCsr) {
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, newCsr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, this.updatedAt, this.certificate,
				this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, this.refunded, this.step,
				this.stepSince, this.planEnd, this.certificates, this.organizationValidatedAt, this.account);
	}

	private CaOrder refund() {
		return new CaOrder(this.id, this.api, this.product, this.validation, this.reference, this.commonName,
				this.dnsNames, this.csr, this.years, this.dcvMethod, this.dcvEmails, this.certificateId, this.requestId,
				this.domains, this.dcvRandomValue, this.createdAt, this.status, this.updatedAt, this.certificate,
				this.rejectionReason, this.note, this.dcvEmailsResent, this.reissues, true, this.step, this.stepSince,
				this.planEnd, this.certificates, this.organizationValidatedAt, this.account);
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
				resent, this.reissues, this.refunded, this.step, this.stepSince, this.planEnd, this.certificates,
				this.organizationValidatedAt, this.account);
	}
}
