package com.rvssl.billing.charging;

/**
 * The final word on an order's money: charged, charged then refunded, or dropped while
 * waiting.
 */
public enum PaymentState {

	PAID, REFUNDED, CANCELLED

}
