package com.rvssl.contracts.kafka;

import org.apache.kafka.common.serialization.Serializer;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;

/** Kafka value serializer writing {@link EventJson}'s form. */
public class EventSerializer implements Serializer<EventEnvelope> {

	@Override
	public byte[] serialize(String topic, EventEnvelope envelope) {
		return (envelope != null) ? EventJson.write(envelope) : null;
	}

}
