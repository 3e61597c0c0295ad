package com.rvssl.order.messaging;

import java.time.Duration;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.order.orders.IncomingEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every event of every order. Each record is finished (the bounded block) before the next
 * is read, which keeps an order's events in order; a failure goes to the error handler
 * and then the dead-letter topic.
 */
@Component
class OrderEventsListener {

	private static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final IncomingEvents incoming;

	OrderEventsListener(IncomingEvents incoming) {
		this.incoming = incoming;
	}

	@KafkaListener(topics = Topics.ORDERS)
	void on(EventEnvelope envelope) {
		if (envelope.payload() instanceof OrderEvent) {
			incoming.apply(envelope).block(MAX_WAIT);
		}
	}

}
