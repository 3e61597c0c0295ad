package com.rvssl.order.orders;

import java.math.BigDecimal;
import java.util.Currency;

import com.rvssl.contracts.Money;

/** Money as people read it in notes and views: "USD 12.99". */
public final class MoneyText {

	private MoneyText() {
	}

	public static String of(Money money) {
		if (money == null) {
			return "?";
		}
		int digits = Currency.getInstance(money.currency()).getDefaultFractionDigits();
		return money.currency() + " " + BigDecimal.valueOf(money.amount(), Math.max(digits, 0)).toPlainString();
	}

}
