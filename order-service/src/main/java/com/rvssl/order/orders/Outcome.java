package com.rvssl.order.orders;

/** What an incoming event does to an order. */
public sealed interface Outcome {

	/** The event changes the order. */
	record Applied(OrderChange change) implements Outcome {
	}

	/**
	 * The event came after the order had moved on (e.g. a validation update after
	 * issuance): it is remembered as applied so a redelivery is recognised, and changes
	 * nothing else.
	 */
	record Stale(String reason) implements Outcome {
	}

	/**
	 * Not an event this service reacts to (our own OrderPlaced/OrderCancelled, account
	 * events).
	 */
	record NotForUs() implements Outcome {
	}

}
