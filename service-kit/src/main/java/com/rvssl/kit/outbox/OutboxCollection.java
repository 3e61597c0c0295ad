package com.rvssl.kit.outbox;

/**
 * What a service tells the relay engine about a MongoDB collection whose documents carry
 * an outbox: an array field {@value #OUTBOX} of {@link OutboxEntry}. The engine owns the
 * rest (finding pending documents, the claim, publishing in order, removing what was
 * acknowledged), so every service relays the same way. A service declares one bean per
 * such collection.
 *
 * <p>
 * The engine keeps its claim in the document's {@value #CLAIMED_UNTIL} field: a service
 * must not replace those documents wholesale, only update them, or it would drop a
 * running claim.
 */
public interface OutboxCollection {

	String OUTBOX = "outbox";

	String CLAIMED_UNTIL = "outboxClaimedUntil";

	/**
	 * Where the engine sets aside an entry that can never be published (unreadable, or
	 * refused by the broker for good), with the reason, so that it holds up nothing
	 * behind it and an operator can look at it.
	 */
	String PARKED = "outboxParked";

	/** The collection's name in the service's database. */
	String collectionName();

	static OutboxCollection named(String collectionName) {
		return () -> collectionName;
	}

}
