package com.rvssl.billing.accounts;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;

/** An event caused by a state change of the account, stored with it until the relay has published it. */
public record OutboxEntry(String eventId, String json) {

	public static OutboxEntry of(EventEnvelope envelope) {
		return new OutboxEntry(envelope.eventId().toString(), EventJson.writeString(envelope));
	}

	public EventEnvelope envelope() {
		return EventJson.read(json);
	}

}
