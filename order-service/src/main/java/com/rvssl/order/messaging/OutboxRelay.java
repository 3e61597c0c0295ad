package com.rvssl.order.messaging;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderStore;
import com.rvssl.order.orders.OutboxEntry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the events orders keep in their outbox: sends each, waits for the broker's ack, then
 * removes it from the document. A crash between the two publishes it again, which consumers absorb
 * by event id; Kafka being down only delays events. One order's entries go in order.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 100;

	private final OrderStore store;

	private final KafkaTemplate<String, EventEnvelope> kafka;

	private final Duration pollInterval;

	private volatile Disposable polling;

	OutboxRelay(OrderStore store, KafkaTemplate<String, EventEnvelope> kafka,
			@Value("${rvssl.outbox.poll-interval:200ms}") Duration pollInterval) {
		this.store = store;
		this.kafka = kafka;
		this.pollInterval = pollInterval;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startPolling() {
		if (polling != null) {
			return;
		}
		polling = Flux.interval(pollInterval)
			.onBackpressureDrop()
			.concatMap((tick) -> relayPending().onErrorResume((ex) -> {
				log.warn("Outbox relay round failed, retrying next round: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/** One round: every pending event of up to {@value #BATCH} orders. */
	Mono<Void> relayPending() {
		return store.withPendingEvents(BATCH).concatMap(this::publish).then();
	}

	private Flux<Void> publish(Order order) {
		return Flux.fromIterable(order.outbox()).concatMap((entry) -> send(entry).then(
				store.markPublished(order.id(), entry.eventId())));
	}

	private Mono<Void> send(OutboxEntry entry) {
		EventEnvelope envelope = entry.toEnvelope();
		return Mono.fromFuture(() -> kafka.send(envelope.topic(), envelope.key(), envelope))
			.timeout(Duration.ofSeconds(30))
			.doOnNext((result) -> log.debug("Published {} {} of order {}", envelope.type(), envelope.eventId(),
					envelope.orderId()))
			.then();
	}

	@Override
	public void start() {
		// polling starts once the application is ready, see startPolling
	}

	@Override
	public void stop() {
		Disposable current = polling;
		if (current != null) {
			current.dispose();
		}
		polling = null;
	}

	@Override
	public boolean isRunning() {
		return polling != null;
	}

}
