package com.rvssl.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the local stack promises about a restart: the broker's and the database's data
 * survive it.
 */
class InfrastructureRestartIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void kafkaRecordsAndMongoDocumentsSurviveARestartOfTheInfrastructure() throws Exception {
		StackSettings.Ports ports = StackSettings.Ports.free();
		Path logs = dataDir.resolve("logs");

		try (MongoWireServer mongo = MongoWireServer.start(ports.mongo(), dataDir.resolve("mongo"));
				KafkaBroker kafka = KafkaBroker.start(ports.kafka(), ports.kafkaController(), dataDir.resolve("kafka"),
						logs)) {
			try (MongoClient client = MongoClients.create(mongo.uri("survivor"))) {
				client.getDatabase("survivor").getCollection("orders").insertOne(new Document("_id", "ord-1"));
			}
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic("survivor", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
			}
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(),
					new StringSerializer())) {
				producer.send(new ProducerRecord<>("survivor", "ord-1", "OrderPlaced")).get(30, TimeUnit.SECONDS);
			}
		}

		try (MongoWireServer mongo = MongoWireServer.start(ports.mongo(), dataDir.resolve("mongo"));
				KafkaBroker kafka = KafkaBroker.start(ports.kafka(), ports.kafkaController(), dataDir.resolve("kafka"),
						logs)) {
			try (MongoClient client = MongoClients.create(mongo.uri("survivor"))) {
				assertThat(client.getDatabase("survivor").getCollection("orders").countDocuments()).isEqualTo(1);
			}
			assertThat(recordsOf("survivor", kafka.bootstrapServers())).containsExactly("ord-1=OrderPlaced");
		}
	}

	private static List<String> recordsOf(String topic, String bootstrapServers) {
		List<String> seen = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					seen.add(record.key() + "=" + record.value());
				}
				return !seen.isEmpty();
			});
		}
		return seen;
	}

}
