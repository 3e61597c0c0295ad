package com.rvssl.billing.waiting;

import java.util.List;

/**
 * The strict FIFO rule of a reseller's waiting orders. An order waits when any earlier
 * order waits, even if it would fit, and credit releases waiting orders oldest first,
 * stopping at the first that does not fit: a later small order never overtakes an earlier
 * big one.
 */
public final class WaitingQueue {

	private WaitingQueue() {
	}

	/**
	 * Whether a new order of {@code amount} must join the queue rather than be charged
	 * now.
	 */
	public static boolean mustWait(long balance, long amount, List<WaitingOrder> waiting) {
		return !waiting.isEmpty() || balance < amount;
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
