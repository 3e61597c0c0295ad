package com.rvssl.statussync.messaging;

import java.time.Duration;
import java.time.Instant;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.statussync.scheduling.CheckSchedule;
import com.rvssl.statussync.scheduling.SyncProperties;
import com.rvssl.statussync.tracking.TrackedOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Starts following an order when the gateway submitted it and stops when it is cancelled. Each
 * record is finished (bounded wait) before the next, which keeps an order's events in order.
 */
@Component
class OrderEventsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(30);

	private final TrackedOrders orders;

	private final CheckSchedule schedule;

	OrderEventsListener(TrackedOrders orders, SyncProperties properties) {
		this.orders = orders;
		this.schedule = CheckSchedule.of(properties);
	}

	@KafkaListener(topics = Topics.ORDERS)
	void on(EventEnvelope envelope) {
		Mono<Boolean> handling;
		if (envelope.payload() instanceof CertificateSubmitted submitted) {
			handling = orders.track(envelope, submitted, schedule.firstCheck(submitted.ca(), Instant.now()))
				.doOnNext(tracked -> log.info(tracked ? "tracking order {} at {} as {}"
						: "order {} at {} ({}) already known, submission ignored", envelope.orderId(), submitted.ca(),
						submitted.caOrderId()));
		}
		else if (envelope.payload() instanceof OrderCancelled) {
			handling = orders.stop(envelope, Instant.now())
				.doOnNext(stopped -> log.info("order {} cancelled: {}", envelope.orderId(),
						stopped ? "no more checks" : "nothing to stop"));
		}
		else {
			return;
		}
		handling.block(PROCESSING_LIMIT);
	}

}
