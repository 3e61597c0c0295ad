package com.rvssl.gateway.adapters.digicert;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Validation;
import com.rvssl.gateway.adapters.CaOrderRequest;

/** The body of {@code POST /services/v2/order/certificate/{product_name_id}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DigicertOrderBody(Certificate certificate, @JsonProperty("order_validity") OrderValidity orderValidity,
		@JsonProperty("payment_method") String paymentMethod, @JsonProperty("dcv_method") String dcvMethod,
		@JsonProperty("dcv_emails") List<String> dcvEmails, String comments, OrganizationRef organization) {

	/**
	 * Every order pays from the account balance; server platform -1 is DigiCert's
	 * "other".
	 */
	static DigicertOrderBody of(CaOrderRequest request) {
		var certificate = new Certificate(request.domains().get(0), request.domains(), request.csr(), "sha256",
				new ServerPlatform(-1));
		DcvMethod method = (request.dcv() != null) ? request.dcv().method() : DcvMethod.EMAIL;
		List<String> dcvEmails = (method == DcvMethod.EMAIL && request.dcv() != null
				&& request.dcv().approverEmail() != null) ? List.of(request.dcv().approverEmail()) : null;
		// The organisation must exist in the CA account; id 1 stands for the reseller's
		// default one until organisations are synchronised (the sandbox ignores it).
		OrganizationRef organization = (request.validation() == Validation.DV) ? null : new OrganizationRef(1);
		return new DigicertOrderBody(certificate, new OrderValidity(Math.max(1, request.termMonths() / 12)), "balance",
				dcvMethod(method), dcvEmails, request.reference(), organization);
	}

	static String dcvMethod(DcvMethod method) {
		return switch (method) {
			case EMAIL -> "email";
			case HTTP -> "http-token";
			case DNS -> "dns-txt-token";
		};
	}

	record Certificate(@JsonProperty("common_name") String commonName, @JsonProperty("dns_names") List<String> dnsNames,
			String csr, @JsonProperty("signature_hash") String signatureHash,
			@JsonProperty("server_platform") ServerPlatform serverPlatform) {
	}

	record ServerPlatform(int id) {
	}

	record OrderValidity(int years) {
	}

	record OrganizationRef(int id) {
	}

}
