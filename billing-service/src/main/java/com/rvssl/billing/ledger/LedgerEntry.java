package com.rvssl.billing.ledger;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One movement of a reseller's credit. {@code amount} is signed (charges negative), so
 * the balance equals the sum of the entries; {@code seq} orders them per reseller. A
 * top-up also records the orders it released, so a replayed request can answer the same.
 */
@Document("ledger")
@CompoundIndex(name = "reseller_seq", def = "{'resellerId': 1, 'seq': -1}")
public record LedgerEntry(@Id String id, String resellerId, long seq, Instant at, EntryType type, long amount,
		String currency, String orderId, long balanceAfter, String reference, List<String> released) {

	public LedgerEntry {
		released = (released == null) ? List.of() : List.copyOf(released);
	}

}
