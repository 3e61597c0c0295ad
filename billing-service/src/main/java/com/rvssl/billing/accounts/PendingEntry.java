package com.rvssl.billing.accounts;

import java.time.Instant;
import java.util.List;

/**
 * A change already applied to the balance (or queue) whose ledger entry and order state
 * are still to be written. It is pushed by the same atomic update that changes the
 * balance and pulled once those writes are done, so a crash in between leaves a trace the
 * sweep completes. {@code id} is the ledger entry's id, derived from the cause, so
 * writing it twice is harmless.
 *
 * @param amount signed ledger amount: positive credits, negative charges
 */
public record PendingEntry(String id, PendingKind kind, String orderId, long amount, long balanceAfter, long seq,
		Instant at, Instant placedAt, String reference, List<String> released) {

	public PendingEntry {
		released = (released == null) ? List.of() : List.copyOf(released);
	}

	public static String chargeId(String orderId) {
		return orderId + ":CHARGE";
	}

	public static String refundId(String orderId) {
		return orderId + ":REFUND";
	}

	public static String unqueueId(String orderId) {
		return orderId + ":UNQUEUE";
	}

	public static String topUpId(String resellerId, String idempotencyKey) {
		return "topup:" + resellerId + ":" + idempotencyKey;
	}

}
