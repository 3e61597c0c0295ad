package com.rvssl.order.orders;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;

/** An event caused by a state change, kept in the order's document until the relay has published it. */
public record OutboxEntry(String eventId, String envelope) {

	public static OutboxEntry of(EventEnvelope envelope) {
		return new OutboxEntry(envelope.eventId().toString(), EventJson.writeString(envelope));
	}

	public EventEnvelope toEnvelope() {
		return EventJson.read(envelope);
	}

}
