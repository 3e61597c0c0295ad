package com.rvssl.kit.outbox;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;

/**
 * An event caused by a state change, kept in the same document as that change (in its
 * {@code outbox} array) until the relay has published it: MongoDB updates one document
 * atomically everywhere, so the state and its events never drift apart.
 *
 * @param eventId the envelope's id, to remove the entry once the broker acknowledged it
 * @param envelope the envelope's JSON, exactly as it goes on the wire
 */
public record OutboxEntry(String eventId, String envelope) {

	public static OutboxEntry of(EventEnvelope envelope) {
		return new OutboxEntry(envelope.eventId().toString(), EventJson.writeString(envelope));
	}

	public EventEnvelope toEnvelope() {
		return EventJson.read(envelope);
	}

}
