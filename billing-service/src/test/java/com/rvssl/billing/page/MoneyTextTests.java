package com.rvssl.billing.page;

import org.junit.jupiter.api.Test;

import com.rvssl.kit.validation.MoneyAmounts;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTextTests {

	@Test
	void minorUnitsAreShownInTheCurrencysOwnDecimals() {
		assertThat(MoneyText.of(2_550, "USD")).isEqualTo("25.50 USD");
		assertThat(MoneyText.of(-1_500, "USD")).isEqualTo("-15.00 USD");
		assertThat(MoneyText.of(2_550, "JPY")).isEqualTo("2550 JPY");
	}

	@Test
	void typedAmountsAreReadExactly() {
		assertThat(MoneyText.minorUnits("25", "USD")).contains(2_500L);
		assertThat(MoneyText.minorUnits(" 25.5 ", "USD")).contains(2_550L);
		assertThat(MoneyText.minorUnits("1,000.00", "USD")).contains(100_000L);
	}

	@Test
	void anythingButAPlainAmountInTheCurrencysDecimalsIsRefused() {
		assertThat(MoneyText.minorUnits("25.555", "USD")).isEmpty();
		assertThat(MoneyText.minorUnits("-5", "USD")).isEmpty();
		assertThat(MoneyText.minorUnits("1e3", "USD")).isEmpty();
		assertThat(MoneyText.minorUnits("", "USD")).isEmpty();
		assertThat(MoneyText.minorUnits(null, "USD")).isEmpty();
		assertThat(MoneyText.minorUnits("2.5", "JPY")).isEmpty();
	}

	@Test
	void anAmountAboveTheApisBoundIsRefusedAsTheApiWould() {
		assertThat(MoneyText.minorUnits("1,000,000,000.00", "USD")).contains(MoneyAmounts.MAX);
		assertThat(MoneyText.minorUnits("1000000000.01", "USD")).isEmpty();
		assertThat(MoneyText.minorUnits("999999999999", "JPY")).isEmpty();
	}

}
