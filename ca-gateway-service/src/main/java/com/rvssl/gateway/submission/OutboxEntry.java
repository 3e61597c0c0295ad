package com.rvssl.gateway.submission;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;

/** An event still to publish, in its wire form, stored with the state change that caused it. */
public record OutboxEntry(String eventId, String json) {

	public static OutboxEntry of(EventEnvelope envelope) {
		return new OutboxEntry(envelope.eventId().toString(), EventJson.writeString(envelope));
	}

	public EventEnvelope envelope() {
		return EventJson.read(json);
	}

}
