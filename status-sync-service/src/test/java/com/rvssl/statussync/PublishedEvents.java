package com.rvssl.statussync;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.Event;

import org.springframework.kafka.annotation.KafkaListener;

/** Everything that reaches the orders topic, read back by a consumer group of the test's own. */
class PublishedEvents {

	private final Queue<EventEnvelope> received = new ConcurrentLinkedQueue<>();

	@KafkaListener(topics = Topics.ORDERS, groupId = "status-sync-test-observer")
	void on(EventEnvelope envelope) {
		received.add(envelope);
	}

	<T extends Event> List<T> of(String orderId, Class<T> type) {
		return received.stream()
			.filter(envelope -> orderId.equals(envelope.orderId()))
			.map(EventEnvelope::payload)
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

}
