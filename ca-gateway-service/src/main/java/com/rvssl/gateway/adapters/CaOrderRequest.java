package com.rvssl.gateway.adapters;

import java.util.List;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.Organization;
import com.rvssl.contracts.Validation;

/**
 * What a CA needs to place an order; {@code reference} is our order id, kept at the CA to
 * find a lost reply.
 */
public record CaOrderRequest(String reference, String caProduct, Validation validation, int termMonths,
		List<String> domains, String csr, Dcv dcv, Organization organization) {

	public CaOrderRequest {
		domains = List.copyOf(domains);
	}

}
