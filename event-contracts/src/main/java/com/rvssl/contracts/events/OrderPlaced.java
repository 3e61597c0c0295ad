package com.rvssl.contracts.events;

import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Organization;
import com.rvssl.contracts.Validation;

/**
 * A configured order the reseller's Auto Order Setup lets go ahead: billing charges
 * {@code wholesale}, the gateway keeps the rest to submit once paid. The CSR is public
 * data; no event ever carries a private key.
 */
public record OrderPlaced(String productCode, CertificateAuthority ca, String caProduct, Validation validation,
		int termMonths, List<String> domains, String csr, Dcv dcv, Customer customer, Organization organization,
		Money wholesale, Money retail, String whmcsServiceId) implements OrderEvent {

	public OrderPlaced {
		domains = List.copyOf(domains);
	}

}
