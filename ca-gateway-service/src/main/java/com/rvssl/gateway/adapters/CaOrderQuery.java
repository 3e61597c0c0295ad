package com.rvssl.gateway.adapters;

import java.util.List;

import com.rvssl.contracts.Dcv;

/**
 * What a status call may need besides the CA's order id: the DCV choice, and the names,
 * CSR and our reference, from which some CAs' validation tokens are computed (Sectigo's
 * CSR hashes).
 */
public record CaOrderQuery(String caOrderId, Dcv dcv, List<String> domains, String csr, String reference) {

	public CaOrderQuery {
		domains = (domains != null) ? List.copyOf(domains) : List.of();
	}

	public static CaOrderQuery of(String caOrderId, Dcv dcv) {
		return new CaOrderQuery(caOrderId, dcv, List.of(), null, null);
	}

}
