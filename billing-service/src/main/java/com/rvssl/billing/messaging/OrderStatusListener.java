package com.rvssl.billing.messaging;

import java.time.Duration;

import com.rvssl.billing.orderstatus.OrderStatusProjection;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds billing's projection of the orders' provider-view statuses. Its own consumer
 * group, so the page's statuses never hold up charging (nor the other way round), and a
 * new deployment builds the projection from the topic's history.
 */
@Component
class OrderStatusListener {

	private static final Duration PER_RECORD = Duration.ofSeconds(30);

	private final OrderStatusProjection projection;

	OrderStatusListener(OrderStatusProjection projection) {
		this.projection = projection;
	}

	@KafkaListener(topics = Topics.ORDERS, groupId = "${spring.application.name}-order-status",
			containerFactory = "orderStatusListenerFactory")
	void on(EventEnvelope envelope) {
		projection.apply(envelope).block(PER_RECORD);
	}

}
