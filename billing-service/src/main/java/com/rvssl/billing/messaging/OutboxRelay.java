package com.rvssl.billing.messaging;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountStore;
import com.rvssl.billing.accounts.OutboxEntry;
import com.rvssl.contracts.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events stored in accounts' outboxes, in the order they were stored, and forgets each
 * only after the broker acknowledged it. A crash in between publishes it again with the same event
 * id, which consumers absorb; Kafka being down only delays events.
 */
@Component
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final AccountStore accounts;

	private final KafkaTemplate<String, EventEnvelope> kafka;

	OutboxRelay(AccountStore accounts, KafkaTemplate<String, EventEnvelope> kafka) {
		this.accounts = accounts;
		this.kafka = kafka;
	}

	@Scheduled(fixedDelayString = "${rvssl.outbox.relay-interval:PT0.2S}")
	public Mono<Void> relay() {
		return accounts.withOutbox().flatMap(this::publish, 4).then();
	}

	private Mono<Void> publish(Account account) {
		return Flux.fromIterable(account.outbox())
			.concatMap((entry) -> send(entry).then(accounts.published(account.id(), entry.eventId())))
			.onErrorResume((ex) -> {
				// stop at the first failure so this account's events keep their order; the next round retries
				log.warn("Publishing the outbox of {} failed; retrying: {}", account.id(), ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private Mono<Void> send(OutboxEntry entry) {
		EventEnvelope envelope = entry.envelope();
		return Mono.fromFuture(() -> kafka.send(envelope.topic(), envelope.key(), envelope)).then();
	}

}
