package com.rvssl.billing.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

import com.rvssl.contracts.Money;
import com.rvssl.kit.validation.MoneyAmounts;

/**
 * Money as a reseller reads and types it: "25.00 USD", in the currency's own decimals.
 * Typed amounts are parsed exactly; anything that is not a plain number with at most the
 * currency's decimals, or above {@link MoneyAmounts#MAX}, is refused rather than rounded.
 */
final class MoneyText {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");

	private MoneyText() {
	}

	static String of(long minorUnits, String currency) {
		return BigDecimal.valueOf(minorUnits, decimals(currency)).toPlainString() + " " + currency;
	}

	static String of(Money money) {
		return of(money.amount(), money.currency());
	}

	/** "25", "25.5" or "25.50" in USD: 2500 minor units; empty for anything else. */
	static Optional<Long> minorUnits(String typed, String currency) {
		if (typed == null) {
			return Optional.empty();
		}
		String text = typed.trim().replace(",", "");
		if (!PLAIN_NUMBER.matcher(text).matches()) {
			return Optional.empty();
		}
		BigDecimal amount = new BigDecimal(text);
		if (amount.scale() > decimals(currency)) {
			return Optional.empty();
		}
		long minor = amount.setScale(decimals(currency), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
		// the API's bound on every amount, so the page cannot go around it
		return (minor <= MoneyAmounts.MAX) ? Optional.of(minor) : Optional.empty();
	}

	private static int decimals(String currency) {
		try {
			return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException ex) {
			return 2;
		}
	}

}
