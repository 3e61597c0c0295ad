package com.rvssl.order.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.Topics;
import com.rvssl.kit.kafka.PollRecords;
import com.rvssl.order.orders.IncomingEvents;
import com.rvssl.order.orders.Order;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every event of every order, a poll at a time: the orders the poll's events are for are
 * read in one query, then each record is finished (the bounded block) before the next,
 * which keeps an order's events in order. A record that fails is named to the error
 * handler, which commits those before it, retries it and then dead-letters it.
 */
@Component
class OrderEventsListener {

	private static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final IncomingEvents incoming;

	OrderEventsListener(IncomingEvents incoming) {
		this.incoming = incoming;
	}

	@KafkaListener(topics = Topics.ORDERS, batch = "true")
	void on(List<ConsumerRecord<String, EventEnvelope>> records) {
		List<EventEnvelope> events = records.stream()
			.map(ConsumerRecord::value)
			.filter(Objects::nonNull)
			.filter((envelope) -> envelope.payload() instanceof OrderEvent)
			.toList();
		Map<String, Order> known = PollRecords.first(records, () -> incoming.ordersOf(events).block(MAX_WAIT));
		PollRecords.each(records, (envelope) -> {
			if (envelope.payload() instanceof OrderEvent) {
				incoming.apply(envelope, known).block(MAX_WAIT);
			}
		});
	}

}
