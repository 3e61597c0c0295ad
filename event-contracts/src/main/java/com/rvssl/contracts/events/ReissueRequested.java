package com.rvssl.contracts.events;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * The certificate is to be issued again over {@code csr} (the old one stays valid).
 * {@code automatic} is true when the platform asked by itself to renew within the plan
 * (after a {@link CertificateRenewalDue}) and false when the reseller asked; JSON written
 * before the field existed reads as false.
 */
public record ReissueRequested(String csr,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean automatic) implements OrderEvent {

	/** A reissue the reseller asked for. */
	public ReissueRequested(String csr) {
		this(csr, false);
	}

}
