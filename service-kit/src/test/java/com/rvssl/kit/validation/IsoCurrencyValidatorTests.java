package com.rvssl.kit.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IsoCurrencyValidatorTests {

	private final IsoCurrencyValidator validator = new IsoCurrencyValidator();

	@ParameterizedTest
	@ValueSource(strings = { "USD", "EUR", "GBP", "JPY", "CHF", "BRL" })
	void acceptsIsoCurrencies(String code) {
		assertThat(this.validator.isValid(code, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ZZZ", "usd", "US", "USDD", "", " USD", "XAU", "XXX", "XTS" })
	void refusesCodesThatAreNotMoney(String code) {
		assertThat(this.validator.isValid(code, null)).isFalse();
	}

	@Test
	void leavesNullToNotNull() {
		assertThat(this.validator.isValid(null, null)).isTrue();
	}

}
