package com.rvssl.billing.messaging;

import java.time.Duration;

import com.rvssl.billing.charging.Charging;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The order events billing acts on. Each record is finished before the next (a bounded
 * block on the consumer's own thread), which keeps an order's events in order; the types
 * billing does not handle are skipped.
 */
@Component
class OrderEventsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private static final Duration PER_RECORD = Duration.ofSeconds(30);

	private final Charging charging;

	OrderEventsListener(Charging charging) {
		this.charging = charging;
	}

	@KafkaListener(topics = Topics.ORDERS)
	void on(EventEnvelope envelope) {
		Mono<Charging.Outcome> work;
		if (envelope.payload() instanceof OrderPlaced placed) {
			work = charging.placed(envelope, placed);
		}
		else if (envelope.payload() instanceof OrderCancelled) {
			work = charging.cancelRequested(envelope);
		}
		else if (envelope.payload() instanceof CertificateCancelled cancelled) {
			work = charging.cancelled(envelope, cancelled.refundable());
		}
		else if (envelope.payload() instanceof CertificateRejected) {
			work = charging.rejected(envelope);
		}
		else if (envelope.payload() instanceof CertificateIssued) {
			work = charging.issued(envelope);
		}
		else {
			return;
		}
		Charging.Outcome outcome = work.block(PER_RECORD);
		log.debug("{} {} of order {}: {}", envelope.type(), envelope.eventId(), envelope.orderId(), outcome);
	}

}
