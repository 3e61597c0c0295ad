package com.rvssl.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.kafka.EventDeserializer;

/**
 * The orders a load run's stack has issued, counted from the CertificateIssued events on
 * the orders topic by a consumer of the run's own, from the topic's start. The services
 * do no work for the count: asking order-service every second (its metrics page) cost it
 * a tenth of its CPU under load, and asking its order API would read orders. Counted by
 * order id, so an event published twice (a relay's crash between ack and settle) counts
 * once.
 */
final class IssuedOrders implements AutoCloseable {

	private final KafkaConsumer<String, EventEnvelope> consumer;

	private final Set<String> issued = ConcurrentHashMap.newKeySet();

	private final Thread reader;

	private volatile RuntimeException failure;

	private IssuedOrders(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				// no group: assigned every partition, nothing committed
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new EventDeserializer());
		this.reader = new Thread(this::read, "issued-orders");
		this.reader.setDaemon(true);
	}

	static IssuedOrders follow(LocalStack stack) {
		IssuedOrders orders = new IssuedOrders(stack.kafkaBootstrapServers());
		orders.reader.start();
		return orders;
	}

	/** Orders issued since the stack started, as far as read so far. */
	long count() {
		RuntimeException failed = failure;
		if (failed != null) {
			throw new IllegalStateException("reading the orders topic failed", failed);
		}
		return issued.size();
	}

	private void read() {
		try {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS)
				.stream()
				.map(partition -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			if (partitions.isEmpty()) {
				throw new IllegalStateException("the stack has no topic " + Topics.ORDERS);
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			while (true) {
				for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofSeconds(1))) {
					if (record.value().payload() instanceof CertificateIssued) {
						issued.add(record.value().orderId());
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closed
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		finally {
			consumer.close();
		}
	}

	@Override
	public void close() throws InterruptedException {
		consumer.wakeup();
		reader.join(Duration.ofSeconds(10).toMillis());
	}

}
