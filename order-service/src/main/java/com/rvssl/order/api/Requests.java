package com.rvssl.order.api;

import java.util.List;
import java.util.Locale;

import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Organization;
import com.rvssl.order.orders.AutoOrderMode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the API, with the checks bean validation can make on their own.
 */
final class Requests {

	/** What a CSR field accepts, for the OpenAPI description. */
	static final String CSR_RULES = "One PEM PKCS#10 block (-----BEGIN CERTIFICATE REQUEST-----), nothing before or "
			+ "after it, at most 24 KiB of text and 16 KiB of DER. Key: RSA 2048 to 8192 bits with an odd public "
			+ "exponent from 3 to 2^256-1, or EC on the named curves P-256 or P-384; checked before the signature. "
			+ "400 when unreadable, malformed or its signature does not verify, 422 when its key is refused; "
			+ "503 csr-checks-busy (Retry-After) when the CSR checks are saturated.";

	private Requests() {
	}

	record PlaceOrder(@NotBlank String productCode, @NotNull Integer termMonths,
			@NotEmpty @Size(max = 250) List<@NotBlank String> domains, @NotBlank @Size(max = 100) String whmcsServiceId,
			@NotNull @Valid CustomerBody customer, @Schema(description = CSR_RULES, maxLength = 24576) String csr,
			@Valid DcvBody dcv, @Valid OrganizationBody organization) {
	}

	record Configure(@NotBlank @Schema(description = CSR_RULES, maxLength = 24576) String csr,
			@NotNull @Valid DcvBody dcv, @Valid OrganizationBody organization) {
	}

	record Cancel(@Size(max = 500) String reason) {
	}

	record Reissue(@NotBlank @Schema(description = CSR_RULES, maxLength = 24576) String csr) {
	}

	record AutoOrder(@NotNull AutoOrderMode mode) {
	}

	record RetailPrice(@NotNull @Valid MoneyBody retail) {
	}

	/** Money as the API writes it: minor units and an ISO 4217 code. */
	record MoneyBody(@NotNull Long amount,
			@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {
	}

	/** An operator's new prices for some terms of a product. */
	record CatalogPrices(@NotEmpty @Size(max = 10) List<@NotNull @Valid TermPrice> prices) {
	}

	record TermPrice(@NotNull Integer termMonths, @NotNull @Valid MoneyBody wholesale,
			@NotNull @Valid MoneyBody recommendedRetail) {
	}

	record DecodeCsr(@NotBlank @Schema(description = CSR_RULES, maxLength = 24576) String csr) {
	}

	record CustomerBody(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email) {

		Customer toCustomer() {
			return new Customer(name.trim(), email.trim());
		}

	}

	record DcvBody(@NotNull DcvMethod method, @Email @Size(max = 254) String approverEmail) {

		Dcv toDcv() {
			return new Dcv(method, (method == DcvMethod.EMAIL && approverEmail != null) ? approverEmail.trim() : null);
		}

	}

	record OrganizationBody(@NotBlank @Size(max = 200) String name,
			@NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 code") String country,
			@NotBlank String city, @NotBlank String address, @NotBlank String phone,
			@NotNull @Valid ContactBody contact) {

		Organization toOrganization() {
			return new Organization(name, country.toUpperCase(Locale.ROOT), city, address, phone,
					new Organization.Contact(contact.name(), contact.email(), contact.phone()));
		}

	}

	record ContactBody(@NotBlank String name, @NotBlank @Email String email, String phone) {
	}

}
