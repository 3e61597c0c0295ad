package com.rvssl.statussync.tracking;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.kit.outbox.OutboxCollection;
import com.rvssl.kit.outbox.OutboxEntry;
import org.bson.Document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events a tracked order's changes cause wait in its document's {@code outbox},
 * written by the same update as the change; the service kit's relay publishes them. Every
 * write to a tracked order is an update, never a replacement, so the relay's claim on a
 * document is never dropped.
 */
@Configuration(proxyBeanMethods = false)
class TrackedOrderOutbox {

	@Bean
	OutboxCollection outboxOfTrackedOrders() {
		return OutboxCollection.named(TrackedOrder.COLLECTION);
	}

	/** The outbox entry of an event of this order, as an update pushes it. */
	static Document entry(TrackedOrder order, OrderEvent event) {
		OutboxEntry entry = OutboxEntry
			.of(EventEnvelope.of(order.id(), order.resellerId(), order.correlationId(), event));
		return new Document("eventId", entry.eventId()).append("envelope", entry.envelope());
	}

}
