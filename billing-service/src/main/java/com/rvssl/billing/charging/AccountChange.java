package com.rvssl.billing.charging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountUpdate;
import com.rvssl.billing.accounts.PendingEntry;
import com.rvssl.billing.accounts.PendingKind;
import com.rvssl.billing.waiting.WaitingOrder;
import com.rvssl.billing.waiting.WaitingQueue;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditLow;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import com.rvssl.kit.outbox.OutboxEntry;

/**
 * One decision on an account, worked out in memory from the state it was read in: the new
 * balance and queue, the movements to write to the ledger and the events they cause.
 * Pure; the caller writes {@link #update()} with a compare-and-set on the version it
 * read, so the decision holds or is taken again.
 */
public final class AccountChange {

	private final Account account;

	private final Instant now;

	private long balance;

	private long seq;

	private final List<WaitingOrder> waiting;

	private final List<PendingEntry> pending = new ArrayList<>();

	private final List<EventEnvelope> events = new ArrayList<>();

	private String appliedTopUpKey;

	private boolean creditLowSignalled;

	private AccountChange(Account account, Instant now) {
		this.account = account;
		this.now = now;
		this.creditLowSignalled = account.creditLowSignalled();
		this.balance = account.balance();
		this.seq = account.ledgerSeq();
		this.waiting = new ArrayList<>(account.waiting());
	}

	public static AccountChange of(Account account, Instant now) {
		return new AccountChange(account, now);
	}

	/**
	 * An order to pay: charged now, or queued (CreditInsufficient) when the credit is
	 * short or an order placed before it already waits. A queued order takes its place by
	 * {@code placedAt}, not at the end: it may reach billing after orders placed later.
	 * @return whether it was charged
	 */
	public boolean place(String orderId, long amount, Instant placedAt, String correlationId) {
		WaitingOrder order = new WaitingOrder(orderId, amount, placedAt, correlationId);
		if (WaitingQueue.mustWait(balance, order, waiting)) {
			waiting.add(WaitingQueue.positionOf(order, waiting), order);
			events.add(EventEnvelope.of(orderId, account.id(), correlationId,
					new CreditInsufficient(money(amount), money(balance))));
			return false;
		}
		charge(orderId, amount, placedAt, correlationId);
		return true;
	}

	/**
	 * Credits a top-up and releases what it pays for; the top-up's id is derived from its
	 * idempotency key.
	 */
	public TopUpReceipt topUp(String idempotencyKey, long amount, String reference, String correlationId) {
		String id = PendingEntry.topUpId(account.id(), idempotencyKey);
		if (amount > Long.MAX_VALUE - balance) {
			throw new BalanceLimitException(balance, amount, account.currency());
		}
		balance += amount;
		creditMoved(null, false);
		long balanceAfter = balance;
		long entrySeq = ++seq;
		events.add(EventEnvelope.of(account.id(), correlationId,
				new CreditToppedUp(money(amount), money(balanceAfter), reference)));
		List<String> released = releaseWaiting();
		pending.add(0, new PendingEntry(id, PendingKind.TOP_UP, null, amount, balanceAfter, entrySeq, now, null,
				reference, released));
		appliedTopUpKey = idempotencyKey;
		return new TopUpReceipt(id, money(amount), reference, money(balanceAfter), released);
	}

	/**
	 * Takes a waiting order out of the queue (no money moves), then lets the orders
	 * behind it go if they fit.
	 */
	public void unqueue(String orderId) {
		WaitingOrder order = waiting.stream()
			.filter((candidate) -> candidate.orderId().equals(orderId))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(orderId + " is not waiting"));
		waiting.remove(order);
		pending.add(new PendingEntry(PendingEntry.unqueueId(orderId), PendingKind.UNQUEUE, orderId, 0, balance, 0, now,
				order.placedAt(), null, List.of()));
		releaseWaiting();
	}

	/**
	 * Remembers that an order neither charged nor waiting was cancelled or rejected (its
	 * OrderPlaced is late or redelivered out of order): no money moves, and the order's
	 * final state CANCELLED makes a later OrderPlaced of it change nothing.
	 */
	public void forgo(String orderId) {
		pending.add(new PendingEntry(PendingEntry.unqueueId(orderId), PendingKind.UNQUEUE, orderId, 0, balance, 0, now,
				null, null, List.of()));
	}

	/**
	 * Gives a charged order's money back, then lets waiting orders go if the credit now
	 * covers them.
	 */
	public void refund(String orderId, long amount, Instant placedAt, String correlationId) {
		balance = Math.addExact(balance, amount);
		creditMoved(null, false);
		pending.add(new PendingEntry(PendingEntry.refundId(orderId), PendingKind.REFUND, orderId, amount, balance,
				++seq, now, placedAt, null, List.of()));
		events.add(EventEnvelope.of(orderId, account.id(), correlationId,
				new RefundIssued(money(amount), money(balance))));
		releaseWaiting();
	}

	/**
	 * Charges the waiting orders, oldest placed first, as far as the balance reaches.
	 */
	private List<String> releaseWaiting() {
		int count = WaitingQueue.releasable(balance, waiting);
		List<WaitingOrder> releasing = new ArrayList<>(waiting.subList(0, count));
		waiting.subList(0, count).clear();
		for (WaitingOrder order : releasing) {
			charge(order.orderId(), order.amount(), order.placedAt(), order.correlationId());
		}
		return releasing.stream().map(WaitingOrder::orderId).toList();
	}

	private void charge(String orderId, long amount, Instant placedAt, String correlationId) {
		balance = Math.subtractExact(balance, amount);
		pending.add(new PendingEntry(PendingEntry.chargeId(orderId), PendingKind.CHARGE, orderId, -amount, balance,
				++seq, now, placedAt, null, List.of()));
		events.add(EventEnvelope.of(orderId, account.id(), correlationId,
				new PaymentCaptured(money(amount), money(balance))));
		creditMoved(correlationId, true);
	}

	/**
	 * The low-credit signal: once per crossing. A charge that leaves the balance below
	 * the reseller's line sends CreditLow unless it was sent since the balance last stood
	 * at or above the line; any credit that brings the balance back to the line re-arms
	 * it.
	 */
	private void creditMoved(String correlationId, boolean charged) {
		long threshold = account.lowCreditThreshold();
		if (threshold <= 0) {
			return;
		}
		if (balance >= threshold) {
			creditLowSignalled = false;
		}
		else if (charged && !creditLowSignalled) {
			creditLowSignalled = true;
			events.add(EventEnvelope.of(account.id(), correlationId, new CreditLow(money(balance), money(threshold))));
		}
	}

	private Money money(long amount) {
		return Money.of(amount, account.currency());
	}

	public long balance() {
		return balance;
	}

	public List<EventEnvelope> events() {
		return List.copyOf(events);
	}

	public List<PendingEntry> pending() {
		return List.copyOf(pending);
	}

	public AccountUpdate update() {
		return new AccountUpdate(balance, seq, List.copyOf(waiting), List.copyOf(pending),
				events.stream().map(OutboxEntry::of).toList(), appliedTopUpKey, creditLowSignalled);
	}

}
