package com.rvssl.sandbox.api.sectigo;

import java.util.Arrays;
import java.util.Optional;

import com.rvssl.sandbox.orders.ValidationLevel;

/**
 * The numeric Sectigo products the sandbox sells, their validation level and yearly price
 * in cents.
 */
enum SectigoProduct {

	POSITIVE_SSL(287, ValidationLevel.DV, false, false, 1000),
	POSITIVE_SSL_WILDCARD(289, ValidationLevel.DV, true, false, 7500),
	POSITIVE_SSL_MULTI_DOMAIN(279, ValidationLevel.DV, false, true, 3000),
	INSTANT_SSL(24, ValidationLevel.OV, false, false, 5000), EV_SSL(337, ValidationLevel.EV, false, false, 9900);

	private final int code;

	private final ValidationLevel validation;

	private final boolean wildcard;

	private final boolean multiDomain;

	private final long centsPerYear;

	SectigoProduct(int code, ValidationLevel validation, boolean wildcard, boolean multiDomain, long centsPerYear) {
		this.code = code;
		this.validation = validation;
		this.wildcard = wildcard;
		this.multiDomain = multiDomain;
		this.centsPerYear = centsPerYear;
	}

	static Optional<SectigoProduct> byCode(String code) {
		return Arrays.stream(values()).filter((product) -> Integer.toString(product.code).equals(code)).findFirst();
	}

	int code() {
		return this.code;
	}

	ValidationLevel validation() {
		return this.validation;
	}

	boolean wildcard() {
		return this.wildcard;
	}

	boolean multiDomain() {
		return this.multiDomain;
	}

	/** The price for a term, in the {@code totalCost} form ({@code 10.00}). */
	String totalCost(int years) {
		long cents = this.centsPerYear * years;
		return (cents / 100) + "." + String.format("%02d", cents % 100);
	}

}
