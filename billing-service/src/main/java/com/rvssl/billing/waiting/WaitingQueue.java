package com.rvssl.billing.waiting;

import java.util.Comparator;
import java.util.List;

/**
 * The strict FIFO rule of a reseller's waiting orders, by when each order was placed (its
 * {@code OrderPlaced}'s time, ties broken by order id), not by when billing happened to
 * handle it: a reseller's orders spread over the topic's partitions and reach billing in
 * no set order. An order waits when any order placed before it waits, even if it would
 * fit, and credit releases waiting orders oldest placed first, stopping at the first that
 * does not fit: a later small order never overtakes an earlier big one.
 */
public final class WaitingQueue {

	/** Oldest placed first; orders placed at the same instant by order id. */
	public static final Comparator<WaitingOrder> PLACEMENT = Comparator
		.comparing(WaitingOrder::placedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(WaitingOrder::orderId);

	private WaitingQueue() {
	}

	/**
	 * Whether a new {@code order} must join the queue rather than be charged now: the
	 * balance does not cover it, or an order placed before it waits.
	 */
	public static boolean mustWait(long balance, WaitingOrder order, List<WaitingOrder> waiting) {
		return balance < order.amount()
				|| waiting.stream().anyMatch((earlier) -> PLACEMENT.compare(earlier, order) < 0);
	}

	/**
	 * Where a new {@code order} joins the queue: before the first order placed after it,
	 * so the queue stays oldest placed first however late the order reached billing.
	 */
	public static int positionOf(WaitingOrder order, List<WaitingOrder> waiting) {
		for (int i = 0; i < waiting.size(); i++) {
			if (PLACEMENT.compare(waiting.get(i), order) > 0) {
				return i;
			}
		}
		return waiting.size();
	}

	/** How many of the waiting orders, from the oldest on, {@code balance} pays for. */
	public static int releasable(long balance, List<WaitingOrder> waiting) {
		long left = balance;
		int count = 0;
		for (WaitingOrder order : waiting) {
			if (order.amount() > left) {
				break;
			}
			left -= order.amount();
			count++;
		}
		return count;
	}

}
