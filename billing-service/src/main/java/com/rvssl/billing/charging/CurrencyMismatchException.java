package com.rvssl.billing.charging;

/** Money in another currency than the account's: billing never converts. */
public class CurrencyMismatchException extends RuntimeException {

	public CurrencyMismatchException(String given, String accountCurrency) {
		super("the account is kept in " + accountCurrency + ", not " + given);
	}

}
