package com.rvssl.sandbox.orders;

import java.util.List;

/**
 * An order as an API received it, before the CA gives it ids.
 *
 * @param csr the PEM CSR, already verified by the API
 * @param dnsNames the extra names besides the common name (may repeat it)
 * @param account the account (API key, reseller login) placing it; null: the API's
 * default account
 */
public record NewOrder(String api, String product, ValidationLevel validation, String reference, String commonName,
		List<String> dnsNames, String csr, int years, String dcvMethod, List<String> dcvEmails, String account) {

	/** Placed by the API's default account. */
	public NewOrder(String api, String product, ValidationLevel validation, String reference, String commonName,
			List<String> dnsNames, String csr, int years, String dcvMethod, List<String> dcvEmails) {
		this(api, product, validation, reference, commonName, dnsNames, csr, years, dcvMethod, dcvEmails, null);
	}

}
