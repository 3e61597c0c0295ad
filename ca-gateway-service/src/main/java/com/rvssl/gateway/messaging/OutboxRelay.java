package com.rvssl.gateway.messaging;

import java.util.concurrent.atomic.AtomicBoolean;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.gateway.submission.OutboxEntry;
import com.rvssl.gateway.submission.SubmissionRecord;
import com.rvssl.gateway.submission.SubmissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in submissions' outboxes: each is sent, its ack awaited, then it is
 * pulled from the outbox. A crash between the two publishes it again; consumers are idempotent.
 * Entries of one record go in order; Kafka being down only delays them.
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final SubmissionStore store;

	private final KafkaTemplate<String, EventEnvelope> kafka;

	private final AtomicBoolean running = new AtomicBoolean();

	OutboxRelay(SubmissionStore store, KafkaTemplate<String, EventEnvelope> kafka) {
		this.store = store;
		this.kafka = kafka;
	}

	@Scheduled(fixedDelayString = "${rvssl.gateway.outbox.interval:PT0.2S}")
	void relay() {
		if (!running.compareAndSet(false, true)) {
			return;
		}
		store.withPendingEvents(100)
			.concatMap(this::publish)
			.doFinally(signal -> running.set(false))
			.subscribe(null, failure -> log.warn("Outbox relay paused: {}", failure.toString()));
	}

	private Flux<Void> publish(SubmissionRecord record) {
		return Flux.fromIterable(record.outbox()).concatMap(entry -> send(entry).then(store.published(record.orderId(), entry)));
	}

	private Mono<Void> send(OutboxEntry entry) {
		EventEnvelope envelope = entry.envelope();
		return Mono.fromFuture(() -> kafka.send(envelope.topic(), envelope.key(), envelope))
			.doOnNext(result -> log.debug("Published {} {} of order {}", envelope.type(), envelope.eventId(),
					envelope.orderId()))
			.then();
	}

}
