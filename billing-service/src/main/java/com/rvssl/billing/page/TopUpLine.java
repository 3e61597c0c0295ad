package com.rvssl.billing.page;

import com.rvssl.billing.payments.TopUp;
import com.rvssl.billing.payments.TopUpSource;
import com.rvssl.billing.payments.TopUpState;

/**
 * One of the reseller's latest top-ups, in words: credit is added only once the payment
 * is confirmed (or the operator recorded a bank transfer), and the page says so.
 *
 * @param payUrl where to pay a top-up still waiting for its payment; null otherwise
 */
public record TopUpLine(String id, String amount, String reference, String requestedAt, String status, String payUrl) {

	static TopUpLine of(TopUp topUp) {
		TopUpState state = topUp.state().shown();
		String status = switch (state) {
			case PENDING_PAYMENT -> "Waiting for your payment: no credit added yet";
			case PAID -> (topUp.source() == TopUpSource.BANK_TRANSFER) ? "Bank transfer received: credit added"
					: "Paid: credit added";
			case FAILED -> "Payment failed: no credit added";
			case EXPIRED -> "Expired unpaid: no credit added";
			case CREDITING -> "Paid: adding the credit";
		};
		String payUrl = (state == TopUpState.PENDING_PAYMENT) ? topUp.paymentUrl() : null;
		return new TopUpLine(topUp.id(), MoneyText.of(topUp.amount(), topUp.currency()), topUp.reference(),
				TimeText.of(topUp.createdAt()), status, payUrl);
	}

}
