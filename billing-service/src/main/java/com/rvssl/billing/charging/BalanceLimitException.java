package com.rvssl.billing.charging;

/**
 * A credit the balance cannot hold: the sum would overflow the minor units a balance is
 * kept in. Refused whole, before anything is written.
 */
public class BalanceLimitException extends RuntimeException {

	public BalanceLimitException(long balance, long amount, String currency) {
		super("the balance of " + balance + " " + currency + " minor units cannot take " + amount + " more");
	}

}
