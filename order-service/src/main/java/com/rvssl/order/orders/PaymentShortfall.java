package com.rvssl.order.orders;

import com.rvssl.contracts.Money;

/**
 * Why an order waits for payment: the price and the credit there was when billing tried.
 */
public record PaymentShortfall(Money required, Money balance) {

	public Money missing() {
		return required.minus(balance);
	}

}
