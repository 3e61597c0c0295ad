package com.rvssl.billing.accounts;

import java.time.Instant;
import java.util.List;

import com.rvssl.billing.waiting.WaitingOrder;
import com.rvssl.kit.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reseller's account. Everything that must change together lives here, because the
 * database offers no multi-document transactions: the balance (minor units of
 * {@code currency}), the FIFO queue of waiting orders, the movements not yet in the
 * ledger ({@code inflight}), the applied top-up idempotency keys and the outbox. Every
 * decision is written by one update conditioned on {@code version}, so two decisions on
 * the same account can never both be based on the same state. An account is only ever
 * updated, never replaced: the service kit's outbox relay keeps its claim on the outbox
 * in the same document. {@code lowCreditThreshold} (minor units, 0 = none) is the
 * reseller's low-credit line; {@code creditLowSignalled} remembers that CreditLow was
 * sent for the current crossing below it.
 */
@Document(Account.COLLECTION)
public record Account(@Id String id, String name, String currency, String email,
		@Indexed(unique = true) String apiKeyHash, Instant createdAt, long balance, long version, long ledgerSeq,
		List<WaitingOrder> waiting, List<PendingEntry> inflight, List<String> appliedTopUpKeys,
		List<OutboxEntry> outbox, Long lowCreditThreshold, Boolean creditLowSignalled) {

	/**
	 * The collection of the accounts, whose outboxes the service kit's relay publishes.
	 */
	public static final String COLLECTION = "accounts";

	public Account {
		waiting = (waiting == null) ? List.of() : List.copyOf(waiting);
		inflight = (inflight == null) ? List.of() : List.copyOf(inflight);
		appliedTopUpKeys = (appliedTopUpKeys == null) ? List.of() : List.copyOf(appliedTopUpKeys);
		outbox = (outbox == null) ? List.of() : List.copyOf(outbox);
		// boxed only so that accounts stored before the low-credit line existed still
		// read: no line, nothing sent
		lowCreditThreshold = (lowCreditThreshold == null) ? 0L : lowCreditThreshold;
		creditLowSignalled = (creditLowSignalled == null) ? Boolean.FALSE : creditLowSignalled;
	}

	/** A new account at balance zero; {@code registered} is its first outbox entry. */
	public static Account open(String id, String name, String currency, String email, String apiKeyHash, Instant now,
			OutboxEntry registered) {
		return new Account(id, name, currency, email, apiKeyHash, now, 0, 0, 0, List.of(), List.of(), List.of(),
				List.of(registered), 0L, false);
	}

	public boolean isWaiting(String orderId) {
		return waiting.stream().anyMatch((order) -> order.orderId().equals(orderId));
	}

	public boolean hasPendingFor(String orderId) {
		return inflight.stream().anyMatch((entry) -> orderId.equals(entry.orderId()));
	}

	public long waitingAmount() {
		return waiting.stream().mapToLong(WaitingOrder::amount).sum();
	}

}
