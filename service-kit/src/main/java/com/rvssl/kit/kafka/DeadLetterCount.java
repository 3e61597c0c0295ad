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
 * Counts the records a service published to a dead-letter topic
 * ({@code rvssl.kafka.dead.letters}, tagged by that topic). The error handler calls
 * {@code recovered} only after its recoverer had the broker's acknowledgement, so only
 * real publications count. The counters of the topics the service's listeners read start
 * at 0, so that {@code increase()} sees the first dead letter; topics it never reads get
 * none.
 */
public class DeadLetterCount implements RetryListener, ApplicationListener<ContextRefreshedEvent> {

	static final String METER = "rvssl.kafka.dead.letters";

	private final MeterRegistry registry;

	private final KafkaListenerEndpointRegistry listeners;

	public DeadLetterCount(MeterRegistry registry, KafkaListenerEndpointRegistry listeners) {
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
			.forEach((topic) -> counter(Topics.deadLetterOf(topic)));
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
		// a retry in place is not a dead letter
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
		counter(Topics.deadLetterOf(record.topic())).increment();
	}

	private Counter counter(String deadLetterTopic) {
		return Counter.builder(METER)
			.description("Records published to a dead-letter topic after their retries")
			.tag("topic", deadLetterTopic)
			.register(registry);
	}

}
