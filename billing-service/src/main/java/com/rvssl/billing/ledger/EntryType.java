package com.rvssl.billing.ledger;

/** What moved the balance. */
public enum EntryType {

	TOP_UP, CHARGE, REFUND

}
