package com.rvssl.billing.page;

import java.util.List;

import com.rvssl.billing.ledger.CreditLedger;

/** One page of the ledger, newest first, and where it is among the others. */
public record LedgerPage(List<LedgerLine> lines, int page, int pages, long total) {

	static LedgerPage of(CreditLedger.Page page) {
		int pages = (int) Math.max(1, (page.totalElements() + page.size() - 1) / page.size());
		return new LedgerPage(page.content().stream().map(LedgerLine::of).toList(), page.page(), pages,
				page.totalElements());
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < pages;
	}

}
