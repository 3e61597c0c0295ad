package com.rvssl.kit.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;
import com.rvssl.contracts.Topics;

/**
 * Reads the platform's topics and their dead-letter topics from the beginning on a
 * background thread, as another service would, so that tests can wait for what a service
 * published. One recorder per broker and test JVM: {@link #of(String)}.
 */
public final class TopicRecorder {

	private static final Map<String, TopicRecorder> RECORDERS = new LinkedHashMap<>();

	private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

	private TopicRecorder(String bootstrapServers) {
		// A recorder made before the service under test created the topics must not
		// create them itself (the broker's default is one partition, and the consumer
		// would learn of the service's further partitions only at its next metadata
		// refresh, five minutes later): it waits for them instead, looking again every
		// second.
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
				false, ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1_000);
		Thread poller = new Thread(() -> {
			try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				consumer.subscribe(List.of(Topics.ORDERS, Topics.ACCOUNTS, Topics.deadLetterOf(Topics.ORDERS),
						Topics.deadLetterOf(Topics.ACCOUNTS)));
				while (!Thread.currentThread().isInterrupted()) {
					consumer.poll(Duration.ofMillis(100)).forEach(records::add);
				}
			}
		}, "topic-recorder");
		poller.setDaemon(true);
		poller.start();
	}

	/** The recorder of the shared test broker. */
	public static TopicRecorder get() {
		return of(TestInfrastructure.kafkaBootstrapServers());
	}

	/** The recorder of a given broker (a test that starts one of its own). */
	public static synchronized TopicRecorder of(String bootstrapServers) {
		return RECORDERS.computeIfAbsent(bootstrapServers, TopicRecorder::new);
	}

	/** Every event of the order seen on the orders topic, in order. */
	public List<EventEnvelope> orderEvents(String orderId) {
		return stream(Topics.ORDERS).filter((event) -> orderId.equals(event.orderId())).toList();
	}

	/** Every event of the reseller's orders on the orders topic, in order. */
	public List<EventEnvelope> resellerOrderEvents(String resellerId) {
		return stream(Topics.ORDERS).filter((event) -> resellerId.equals(event.resellerId())).toList();
	}

	/** Every event about the reseller on the accounts topic, in order. */
	public List<EventEnvelope> accountEvents(String resellerId) {
		return stream(Topics.ACCOUNTS).filter((event) -> resellerId.equals(event.resellerId())).toList();
	}

	/**
	 * The payloads of the order's events of one type, in order (a republished duplicate
	 * counts again).
	 */
	public <T> List<T> of(String orderId, Class<T> type) {
		return orderEvents(orderId).stream()
			.map(EventEnvelope::payload)
			.filter(type::isInstance)
			.map(type::cast)
			.toList();
	}

	/**
	 * The order's events of one type, one per event id (a republished duplicate has the
	 * same id).
	 */
	public List<EventEnvelope> distinct(String orderId, Class<?> type) {
		return orderEvents(orderId).stream()
			.filter((event) -> type.isInstance(event.payload()))
			.collect(Collectors.toMap(EventEnvelope::eventId, (event) -> event, (first, again) -> first,
					LinkedHashMap::new))
			.values()
			.stream()
			.toList();
	}

	/** Every order's events of one type on the orders topic, by order id. */
	public <T> Map<String, List<T>> byOrder(Class<T> type) {
		return stream(Topics.ORDERS).filter((event) -> type.isInstance(event.payload()))
			.collect(Collectors.groupingBy(EventEnvelope::orderId,
					Collectors.mapping((event) -> type.cast(event.payload()), Collectors.toList())));
	}

	/** Every event seen on a topic, in order of arrival. */
	public List<EventEnvelope> events(String topic) {
		return stream(topic).toList();
	}

	/** The raw records that reached the dead-letter topic of {@code topic}. */
	public List<ConsumerRecord<String, byte[]>> deadLetters(String topic) {
		String deadLetterTopic = Topics.deadLetterOf(topic);
		return records.stream().filter((record) -> record.topic().equals(deadLetterTopic)).toList();
	}

	private Stream<EventEnvelope> stream(String topic) {
		return records.stream().filter((record) -> record.topic().equals(topic)).flatMap((record) -> {
			try {
				return Stream.of(EventJson.read(record.value()));
			}
			catch (RuntimeException notAnEvent) {
				// a test may publish an unreadable record on purpose
				return Stream.empty();
			}
		});
	}

}
