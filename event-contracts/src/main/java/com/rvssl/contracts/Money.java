package com.rvssl.contracts;

import java.util.Objects;

/**
 * An amount in integer minor units (cents) of an ISO 4217 currency; never a floating
 * point.
 */
public record Money(long amount, String currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (!currency.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
		}
	}

	public static Money of(long amount, String currency) {
		return new Money(amount, currency);
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(amount, sameCurrency(other).amount), currency);
	}

	public Money minus(Money other) {
		return new Money(Math.subtractExact(amount, sameCurrency(other).amount), currency);
	}

	private Money sameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
		}
		return other;
	}

}
