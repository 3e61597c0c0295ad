package com.rvssl.sandbox.orders;

import java.util.List;

/**
 * An order as an API received it, before the CA gives it ids.
 *
 * @param csr the PEM CSR, already verified by the API
 * @param dnsNames the extra names besides the common name (may repeat it)
 */
public record NewOrder(String api, String product, ValidationLevel validation, String reference, String commonName,
		List<String> dnsNames, String csr, int years, String dcvMethod, List<String> dcvEmails) {
}
