package com.rvssl.order.messaging;

import java.time.Duration;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.ResellerRegistered;
import com.rvssl.order.security.ResellerDirectory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns resellers (and the hash of their API key) from billing, which registers them.
 */
@Component
class AccountEventsListener {

	private static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final ResellerDirectory resellers;

	AccountEventsListener(ResellerDirectory resellers) {
		this.resellers = resellers;
	}

	// accounts change seldom: one consumer, not one per thread of the orders listener,
	// which would each fetch and heartbeat all the time for nothing
	@KafkaListener(topics = Topics.ACCOUNTS, concurrency = "1")
	void on(EventEnvelope envelope) {
		if (envelope.payload() instanceof ResellerRegistered registered) {
			resellers.register(envelope.resellerId(), registered.name(), registered.currency(), registered.apiKeyHash())
				.block(MAX_WAIT);
		}
	}

}
