package com.rvssl.contracts.kafka;

import org.apache.kafka.common.serialization.Deserializer;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;

/**
 * Kafka value deserializer for {@link EventJson}'s form. It throws on a record it cannot
 * read; wrap it in Spring Kafka's {@code ErrorHandlingDeserializer} so such a record goes
 * to the dead-letter topic instead of blocking its partition.
 */
public class EventDeserializer implements Deserializer<EventEnvelope> {

	@Override
	public EventEnvelope deserialize(String topic, byte[] data) {
		return (data != null) ? EventJson.read(data) : null;
	}

}
