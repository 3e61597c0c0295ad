package com.rvssl.kit.kafka;

import java.util.Arrays;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.rvssl.contracts.Topics;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.RetryListener;

/**
 * Counts what went wrong in a service's listeners: each failed delivery of a record to a
 * transient failure ({@code rvssl.kafka.transient.failures}, tagged by the record's
 * topic), retried until it heals, and each record published to a dead-letter topic
 * ({@code rvssl.kafka.dead.letters}, tagged by that topic). The error handler calls
 * {@code recovered} only after its recoverer had the broker's acknowledgement, so only
 * real publications count. The counters of the topics the service's listeners read start
 * at 0, so that {@code increase()} sees the first one; topics it never reads get none.
 */
public class ListenerFailureCount implements RetryListener, ApplicationListener<ContextRefreshedEvent> {

	static final String DEAD_LETTERS = "rvssl.kafka.dead.letters";

	static final String TRANSIENT_FAILURES = "rvssl.kafka.transient.failures";

	private final MeterRegistry registry;

	private final KafkaListenerEndpointRegistry listeners;

	public ListenerFailureCount(MeterRegistry registry, KafkaListenerEndpointRegistry listeners) {
		this.registry = registry;
		this.listeners = listeners;
	}

	// the listener containers are all registered once the context is refreshed
	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		listeners.getAllListenerContainers()
			.stream()
			.map((container) -> container.getContainerProperties().getTopics())
			.filter(Objects::nonNull)
			.flatMap(Arrays::stream)
			.distinct()
			.forEach((topic) -> {
				transientFailures(topic);
				deadLetters(Topics.deadLetterOf(topic));
			});
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
		if (TransientFailures.isTransient(failure)) {
			transientFailures(record.topic()).increment();
		}
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
		deadLetters(Topics.deadLetterOf(record.topic())).increment();
	}

	private Counter deadLetters(String deadLetterTopic) {
		return Counter.builder(DEAD_LETTERS)
			.description("Records published to a dead-letter topic after their retries")
			.tag("topic", deadLetterTopic)
			.register(registry);
	}

	private Counter transientFailures(String topic) {
		return Counter.builder(TRANSIENT_FAILURES)
			.description("Deliveries that failed on a transient failure (database or broker away, a time-out) "
					+ "and are retried until it heals")
			.tag("topic", topic)
			.register(registry);
	}

}
