package com.rvssl.order.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.Event;
import com.rvssl.kit.test.TestInfrastructure;

/**
 * Reads everything on the orders topic from the beginning, as any other service would see it.
 * Call {@link #poll()} repeatedly (inside Awaitility) and look at what has arrived.
 */
public final class OrderEventProbe implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<EventEnvelope> seen = new ArrayList<>();

	public OrderEventProbe() {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "order-probe-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (int partition = 0; partition < Topics.PARTITIONS; partition++) {
			partitions.add(new TopicPartition(Topics.ORDERS, partition));
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
	}

	/** Reads what arrived since the last call; returns everything seen so far. */
	public synchronized List<EventEnvelope> poll() {
		for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
			try {
				seen.add(EventJson.read(record.value()));
			}
			catch (EventJson.MalformedEventException ex) {
				// a poison record another test put on the topic: not an event anyone sees
			}
		}
		return List.copyOf(seen);
	}

	public List<EventEnvelope> ofOrder(String orderId) {
		return poll().stream().filter((event) -> orderId.equals(event.orderId())).toList();
	}

	public List<EventEnvelope> ofReseller(String resellerId) {
		return poll().stream().filter((event) -> resellerId.equals(event.resellerId())).toList();
	}

	public <T extends Event> List<T> payloads(String orderId, Class<T> type) {
		return ofOrder(orderId).stream()
			.map(EventEnvelope::payload)
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

	@Override
	public synchronized void close() {
		consumer.close();
	}

}
