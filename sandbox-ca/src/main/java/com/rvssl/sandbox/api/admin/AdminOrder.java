package com.rvssl.sandbox.api.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.Domain;
import com.rvssl.sandbox.validation.DcvProof;

/**
 * An order as the admin API lists it (with what the caller asked of it since: resends,
 * reissues), its validation step while pending ({@code domain_control},
 * {@code documents_requested}, {@code verification_call_pending}, {@code under_review})
 * and what each domain must show; when the CA's clock next moves it ({@code dueAt}); the
 * CA API calls made about it, by operation ({@code calls}); and the order as a plan: its
 * {@code planEnd}, the {@code certificates} issued so far, oldest first, and when each
 * domain ({@code domainsValidatedAt}) and the organisation
 * ({@code organizationValidatedAt}) were last validated; the {@code account} that placed
 * it (DigiCert: the key's name, {@code default} for {@code sandbox.digicert.api-key};
 * Sectigo: the login name).
 */
record AdminOrder(String api, String account, String caOrderId, String reference, String product, String status,
		Instant createdAt, int dcvEmailsResent, int reissues, boolean refunded, String serialNumber, String step,
		String dcvMethod, List<DcvProof> dcv, Instant dueAt, Map<String, Long> calls, int termMonths, Instant planEnd,
		List<Certificate> certificates, Map<String, Instant> domainsValidatedAt, Instant organizationValidatedAt) {

	/** One certificate of the plan. */
	record Certificate(String serialNumber, Instant notBefore, Instant notAfter) {
	}

	static AdminOrder of(CaOrder order, List<DcvProof> proofs, Instant dueAt, Map<String, Long> calls) {
		Map<String, Instant> domainsValidatedAt = new LinkedHashMap<>();
		for (Domain domain : order.domains()) {
			domainsValidatedAt.put(domain.name(), domain.validatedAt());
		}
		return new AdminOrder(order.api(), order.account(), Long.toString(order.id()), order.reference(),
				order.product(), order.status().apiValue(), order.createdAt(), order.dcvEmailsResent(),
				order.reissues(), order.refunded(),
				(order.certificate() != null) ? order.certificate().serialNumber() : null,
				(order.step() != null) ? order.step().apiValue() : null, order.dcvMethod(), proofs, dueAt, calls,
				order.term().months(), order.planEnd(),
				order.certificates()
					.stream()
					.map((issued) -> new Certificate(issued.serialNumber(), issued.notBefore(), issued.notAfter()))
					.toList(),
				domainsValidatedAt, order.organizationValidatedAt());
	}
}
