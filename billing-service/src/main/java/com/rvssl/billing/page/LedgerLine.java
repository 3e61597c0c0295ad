package com.rvssl.billing.page;

import com.rvssl.billing.ledger.LedgerEntry;

/** A money movement: when, what, how much, what for, and the balance it left. */
public record LedgerLine(String at, String type, String amount, String about, String balanceAfter) {

	static LedgerLine of(LedgerEntry entry) {
		String type = switch (entry.type()) {
			case TOP_UP -> "Top-up";
			case CHARGE -> "Charge";
			case REFUND -> "Refund";
		};
		String about = (entry.orderId() != null) ? "Order " + entry.orderId()
				: (entry.reference() != null) ? entry.reference() : "";
		return new LedgerLine(TimeText.of(entry.at()), type, MoneyText.of(entry.amount(), entry.currency()), about,
				MoneyText.of(entry.balanceAfter(), entry.currency()));
	}

}
