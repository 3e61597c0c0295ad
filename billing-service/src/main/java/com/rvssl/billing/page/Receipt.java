package com.rvssl.billing.page;

import java.util.List;

import com.rvssl.billing.ledger.LedgerEntry;

/** The top-up just made from the page, and the waiting orders it released. */
public record Receipt(String amount, String reference, String balanceAfter, List<String> released) {

	static Receipt of(LedgerEntry entry) {
		return new Receipt(MoneyText.of(entry.amount(), entry.currency()), entry.reference(),
				MoneyText.of(entry.balanceAfter(), entry.currency()), entry.released());
	}

}
