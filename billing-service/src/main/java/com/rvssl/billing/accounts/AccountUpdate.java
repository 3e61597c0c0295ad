package com.rvssl.billing.accounts;

import java.util.List;

import com.rvssl.billing.waiting.WaitingOrder;
import com.rvssl.kit.outbox.OutboxEntry;

/**
 * The new state of an account after one decision, written in one compare-and-set update.
 */
public record AccountUpdate(long balance, long ledgerSeq, List<WaitingOrder> waiting, List<PendingEntry> pending,
		List<OutboxEntry> outbox, String appliedTopUpKey, boolean creditLowSignalled) {

	public boolean changesNothing(Account before) {
		return pending.isEmpty() && outbox.isEmpty() && appliedTopUpKey == null && balance == before.balance()
				&& waiting.equals(before.waiting()) && creditLowSignalled == before.creditLowSignalled();
	}

}
