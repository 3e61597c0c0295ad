package com.rvssl.kit.outbox;

/**
 * How a service's store tells the relay engine that a write it just made put entries in a
 * document's outbox, so that they go out at once, read by {@code _id}, instead of waiting
 * for the sweep. The kit provides it as a bean ({@link OutboxRelays}); a store calls it
 * after each successful write that pushed outbox entries. A lost call (a crash in
 * between) only delays the entries until the sweep finds them.
 */
public interface OutboxWakeUp {

	/**
	 * Queues document {@code id} of {@code collectionName} for its relay; returns at
	 * once, without waiting for anything to be published.
	 */
	void filled(String collectionName, Object id);

	/**
	 * For a conditional write: wakes the relay for document {@code id} when the write
	 * went through ({@code written}).
	 */
	default void filled(boolean written, String collectionName, Object id) {
		if (written) {
			filled(collectionName, id);
		}
	}

	/** A wake-up that does nothing: the sweep alone publishes (for tests of a store). */
	static OutboxWakeUp none() {
		return (collectionName, id) -> {
		};
	}

}
