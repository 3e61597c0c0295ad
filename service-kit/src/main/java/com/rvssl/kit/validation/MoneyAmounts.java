package com.rvssl.kit.validation;

/**
 * Bounds of an amount a request may carry, in minor units. One billion in major units is
 * far above any real top-up, price or threshold, and far enough below
 * {@link Long#MAX_VALUE} that sums of many such amounts cannot overflow.
 */
public final class MoneyAmounts {

	/** 1,000,000,000.00 in a two-decimal currency. */
	public static final long MAX = 100_000_000_000L;

	private MoneyAmounts() {
	}

}
