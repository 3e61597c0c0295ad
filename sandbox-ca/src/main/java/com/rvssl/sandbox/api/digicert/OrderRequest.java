package com.rvssl.sandbox.api.digicert;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /services/v2/order/certificate/{product_name_id}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderRequest(Certificate certificate, @JsonProperty("order_validity") OrderValidity orderValidity,
		@JsonProperty("payment_method") String paymentMethod, @JsonProperty("dcv_method") String dcvMethod,
		@JsonProperty("dcv_emails") List<String> dcvEmails, String comments, Organization organization) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Certificate(@JsonProperty("common_name") String commonName, @JsonProperty("dns_names") List<String> dnsNames,
			String csr, @JsonProperty("signature_hash") String signatureHash,
			@JsonProperty("server_platform") ServerPlatform serverPlatform) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ServerPlatform(Integer id) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrderValidity(Integer years) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Organization(Long id) {
	}
}
