package com.rvssl.billing.accounts;

/**
 * What a pending movement does once completed: a ledger entry, or (UNQUEUE) only the
 * order's final state.
 */
public enum PendingKind {

	TOP_UP, CHARGE, REFUND, UNQUEUE

}
