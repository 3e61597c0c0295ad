package com.rvssl.billing.api;

import java.time.Instant;

import com.rvssl.billing.payments.TopUp;
import com.rvssl.billing.payments.TopUpState;
import com.rvssl.contracts.Money;

/**
 * A top-up as the API shows it. {@code paymentUrl} is where the reseller pays (none for a
 * bank transfer); {@code paidAt} is set once the money is confirmed.
 */
record TopUpView(String id, TopUpState status, Money amount, String reference, String paymentUrl, Instant createdAt,
		Instant paidAt) {

	static TopUpView of(TopUp topUp) {
		return new TopUpView(topUp.id(), topUp.state().shown(), topUp.money(), topUp.reference(), topUp.paymentUrl(),
				topUp.createdAt(), (topUp.state() == TopUpState.PAID) ? topUp.paidAt() : null);
	}

}
