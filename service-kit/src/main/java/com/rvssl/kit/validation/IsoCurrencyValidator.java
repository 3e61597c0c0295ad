package com.rvssl.kit.validation;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link IsoCurrency} against the JDK's ISO 4217 list, without the codes that are
 * not money (gold, test and "no currency" codes).
 */
public class IsoCurrencyValidator implements ConstraintValidator<IsoCurrency, String> {

	private static final Set<String> NOT_MONEY = Set.of("XAU", "XAG", "XPT", "XPD", "XTS", "XXX", "XBA", "XBB", "XBC",
			"XBD", "XDR", "XSU", "XUA");

	private static final Set<String> CODES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.filter((code) -> !NOT_MONEY.contains(code))
		.collect(Collectors.toUnmodifiableSet());

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || isIsoCurrency(value);
	}

	public static boolean isIsoCurrency(String code) {
		return CODES.contains(code);
	}

}
