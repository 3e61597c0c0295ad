package com.rvssl.order.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.rvssl.contracts.Topics;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record nobody can read goes to the dead-letter topic, with its bytes, instead of
 * blocking its partition.
 */
class PoisonEventIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void anUnreadableRecordLandsOnTheDeadLetterTopicAndTheNextEventIsStillApplied() {
		String key = "poison-" + UUID.randomUUID();
		byte[] garbage = "{not an event".getBytes();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.ORDERS, key, garbage)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}

		List<ConsumerRecord<String, byte[]>> found = await().atMost(30, TimeUnit.SECONDS)
			.until(() -> events().deadLetters(Topics.ORDERS)
				.stream()
				.filter((record) -> key.equals(record.key()))
				.toList(), (records) -> !records.isEmpty());
		assertThat(found.get(0).value()).isEqualTo(garbage);

		// the partition is not blocked: a reseller registered afterwards still gets
		// through
		registerReseller();
	}

}
