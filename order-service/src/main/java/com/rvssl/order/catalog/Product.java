package com.rvssl.order.catalog;

import java.util.List;
import java.util.Optional;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Validation;

/**
 * A certificate product as resellers see it. {@code ca} and {@code caProduct} say where
 * it is bought (for DigiCert, the {@code product_name_id}).
 */
public record Product(String code, String name, String brand, CertificateAuthority ca, String caProduct,
		Validation validation, ProductType type, int maxDomains, List<Price> prices) {

	public Product {
		prices = List.copyOf(prices);
	}

	public Optional<Price> priceFor(int termMonths) {
		return prices.stream().filter((price) -> price.termMonths() == termMonths).findFirst();
	}

	public boolean needsOrganization() {
		return validation != Validation.DV;
	}

}
