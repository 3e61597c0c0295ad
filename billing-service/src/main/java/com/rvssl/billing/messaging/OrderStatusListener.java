package com.rvssl.billing.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.rvssl.billing.orderstatus.OrderStatusProjection;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds billing's projection of the orders' provider-view statuses. Its own consumer
 * group, so the page's statuses never hold up charging (nor the other way round), and a
 * new deployment builds the projection from the topic's history.
 * <p>
 * It takes a poll at a time, and one consumer serves every partition: the projection's
 * database work is per poll, so under load the polls grow and the cost per event falls.
 * The broker holds a fetch until 32 KiB have come or 500 ms have passed, which makes the
 * polls worth batching while the page's statuses stay under a second behind.
 */
@Component
class OrderStatusListener {

	private static final Duration PER_POLL = Duration.ofSeconds(30);

	private final OrderStatusProjection projection;

	OrderStatusListener(OrderStatusProjection projection) {
		this.projection = projection;
	}

	@KafkaListener(topics = Topics.ORDERS, groupId = "${spring.application.name}-order-status",
			containerFactory = "orderStatusListenerFactory", concurrency = "1",
			properties = { "fetch.min.bytes=32768", "fetch.max.wait.ms=500" })
	void on(List<ConsumerRecord<String, EventEnvelope>> records) {
		// an unreadable record comes as null: the charging listener dead-letters it, once
		List<EventEnvelope> events = records.stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList();
		projection.apply(events).block(PER_POLL);
	}

}
