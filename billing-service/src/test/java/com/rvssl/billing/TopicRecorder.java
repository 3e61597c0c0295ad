package com.rvssl.billing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;
import com.rvssl.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.rvssl.kit.test.TestInfrastructure;

/**
 * A test consumer of everything on the orders, accounts and orders dead-letter topics, read from the
 * beginning on a background thread, so tests can wait for the events billing publishes.
 */
final class TopicRecorder {

	private static TopicRecorder instance;

	private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

	private TopicRecorder() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"billing-test-recorder-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Thread poller = new Thread(() -> {
			try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				consumer.subscribe(List.of(Topics.ORDERS, Topics.ACCOUNTS, Topics.deadLetterOf(Topics.ORDERS)));
				while (true) {
					consumer.poll(Duration.ofMillis(100)).forEach(records::add);
				}
			}
		}, "topic-recorder");
		poller.setDaemon(true);
		poller.start();
	}

	static synchronized TopicRecorder get() {
		if (instance == null) {
			instance = new TopicRecorder();
		}
		return instance;
	}

	/** Every event of the order seen on the orders topic, in order. */
	List<EventEnvelope> orderEvents(String orderId) {
		return events(Topics.ORDERS).stream().filter((event) -> orderId.equals(event.orderId())).toList();
	}

	/** Every event about the reseller on the accounts topic, in order. */
	List<EventEnvelope> accountEvents(String resellerId) {
		return events(Topics.ACCOUNTS).stream().filter((event) -> resellerId.equals(event.resellerId())).toList();
	}

	/** The order events of one type, one per event id (a republished duplicate has the same id). */
	List<EventEnvelope> distinct(String orderId, Class<?> type) {
		return orderEvents(orderId).stream()
			.filter((event) -> type.isInstance(event.payload()))
			.collect(java.util.stream.Collectors.toMap(EventEnvelope::eventId, (event) -> event, (a, b) -> a,
					java.util.LinkedHashMap::new))
			.values()
			.stream()
			.toList();
	}

	List<ConsumerRecord<String, byte[]>> deadLetters() {
		return records.stream().filter((record) -> record.topic().equals(Topics.deadLetterOf(Topics.ORDERS))).toList();
	}

	private List<EventEnvelope> events(String topic) {
		return records.stream().filter((record) -> record.topic().equals(topic)).flatMap((record) -> {
			try {
				return java.util.stream.Stream.of(EventJson.read(record.value()));
			}
			catch (RuntimeException notAnEvent) {
				return java.util.stream.Stream.empty();
			}
		}).toList();
	}

}
