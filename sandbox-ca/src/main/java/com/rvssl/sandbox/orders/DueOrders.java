package com.rvssl.sandbox.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The open orders by the time each is next due to move (an approval deadline, the next
 * look for an HTTP or DNS proof, the end of an OV/EV step), so that the CA's clock only
 * ever touches the orders whose time has come, never every order it holds. Each order is
 * in it at most once; closed orders leave it.
 */
final class DueOrders {

	private record Due(Instant at, long orderId) implements Comparable<Due> {

		@Override
		public int compareTo(Due other) {
			int byTime = this.at.compareTo(other.at);
			return (byTime != 0) ? byTime : Long.compare(this.orderId, other.orderId);
		}

	}

	private final NavigableSet<Due> byTime = new TreeSet<>();

	private final Map<Long, Due> byOrder = new HashMap<>();

	/** The order is next due at this time (replacing when it was due before). */
	synchronized void schedule(long orderId, Instant at) {
		Due previous = this.byOrder.put(orderId, new Due(at, orderId));
		if (previous != null) {
			this.byTime.remove(previous);
		}
		this.byTime.add(this.byOrder.get(orderId));
	}

	/** The order needs no more turns (closed, or waiting for someone else). */
	synchronized void remove(long orderId) {
		Due previous = this.byOrder.remove(orderId);
		if (previous != null) {
			this.byTime.remove(previous);
		}
	}

	/** Takes out and returns the orders due at or before {@code now}, earliest first. */
	synchronized List<Long> takeDue(Instant now) {
		List<Long> due = new ArrayList<>();
		while (!this.byTime.isEmpty() && !this.byTime.first().at().isAfter(now)) {
			Due first = this.byTime.pollFirst();
			this.byOrder.remove(first.orderId());
			due.add(first.orderId());
		}
		return due;
	}

	/** When the order is next due, or null when it is not waiting for the clock. */
	synchronized Instant dueAt(long orderId) {
		Due due = this.byOrder.get(orderId);
		return (due != null) ? due.at() : null;
	}

	synchronized int size() {
		return this.byOrder.size();
	}

}
