package com.rvssl.statussync.messaging;

import java.time.Duration;
import java.time.Instant;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;
import com.rvssl.statussync.system.RepeatingWork;
import com.rvssl.statussync.tracking.OutboxEntry;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackedOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in tracked orders' outboxes: send, wait for the broker's ack, then
 * {@code $pull} the entry. A crash between the ack and the pull publishes an event twice, which
 * consumers absorb by its event id; Kafka being down only delays events. One order's entries go
 * out in the order they were written.
 */
@Component
class OutboxRelay extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 100;

	/** Longer than a send's timeout, so a claim never runs out while its relay is still sending. */
	private static final Duration CLAIM = Duration.ofSeconds(45);

	private final TrackedOrders orders;

	private final KafkaTemplate<String, EventEnvelope> kafka;

	OutboxRelay(TrackedOrders orders, KafkaTemplate<String, EventEnvelope> kafka,
			@Value("${rvssl.outbox.poll-interval:PT0.2S}") Duration interval) {
		super("outbox relay", interval, interval);
		this.orders = orders;
		this.kafka = kafka;
	}

	@Override
	protected Mono<Void> round() {
		return relayOnce();
	}

	Mono<Void> relayOnce() {
		return orders.withPendingOutbox(BATCH).flatMap(this::publish, 8).then();
	}

	/** Claims the order's outbox first: with several replicas, only one publishes a given entry. */
	private Mono<Void> publish(TrackedOrder pending) {
		Instant now = Instant.now();
		return orders.claimOutbox(pending.id(), now, now.plus(CLAIM))
			.flatMap(order -> Flux.fromIterable(order.outbox())
				.concatMap(entry -> send(entry).then(orders.published(order.id(), entry.eventId())))
				.then(orders.releaseOutbox(order.id()))
				.onErrorResume(ex -> orders.releaseOutbox(order.id()).then(Mono.error(ex))));
	}

	private Mono<Void> send(OutboxEntry entry) {
		EventEnvelope envelope = EventJson.read(entry.envelope());
		// send() may block on metadata while the broker is away: keep it off the event loops
		return Mono.fromFuture(() -> kafka.send(envelope.topic(), envelope.key(), envelope))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(Duration.ofSeconds(30))
			.doOnNext(result -> log.debug("published {} {} of order {}", envelope.type(), envelope.eventId(),
					envelope.orderId()))
			.then();
	}

}
