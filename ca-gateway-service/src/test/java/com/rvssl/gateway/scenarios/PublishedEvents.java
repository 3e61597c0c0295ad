package com.rvssl.gateway.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.kafka.EventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Reads the orders topic as another service would, keeping what it has seen. */
final class PublishedEvents implements AutoCloseable {

	private final KafkaConsumer<String, EventEnvelope> consumer;

	private final List<EventEnvelope> seen = new CopyOnWriteArrayList<>();

	PublishedEvents(String bootstrapServers) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "scenario-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new ErrorHandlingDeserializer<>(new EventDeserializer()));
		consumer.subscribe(List.of(Topics.ORDERS));
	}

	/** Polls once (call it from an Awaitility condition), then answers the events of that order of that type. */
	synchronized <T> List<T> of(String orderId, Class<T> type) {
		// Unreadable records (a scenario publishes one on purpose) arrive as null values: skipped.
		consumer.poll(Duration.ofMillis(200)).forEach(record -> {
			if (record.value() != null) {
				seen.add(record.value());
			}
		});
		return seen.stream()
			.filter(envelope -> orderId.equals(envelope.orderId()))
			.map(EventEnvelope::payload)
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

	/** Polls once, then answers every order's events of that type, by order id. */
	synchronized <T> Map<String, List<T>> byOrder(Class<T> type) {
		consumer.poll(Duration.ofMillis(200)).forEach(record -> {
			if (record.value() != null) {
				seen.add(record.value());
			}
		});
		return seen.stream()
			.filter(envelope -> type.isInstance(envelope.payload()))
			.collect(Collectors.groupingBy(EventEnvelope::orderId,
					Collectors.mapping(envelope -> type.cast(envelope.payload()), Collectors.toList())));
	}

	<T> Optional<T> first(String orderId, Class<T> type, Predicate<T> matching) {
		return of(orderId, type).stream().filter(matching).findFirst();
	}

	@Override
	public synchronized void close() {
		consumer.close();
	}

}
