package com.rvssl.kit.test;

import java.net.InetSocketAddress;
import java.util.OptionalLong;

import de.bwaldvogel.mongo.MongoServer;
import com.rvssl.embeddedmongo.IndexedMemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One real Kafka broker and one real MongoDB wire server per test JVM, shared by every
 * integration test class. The switch is the system property {@code rvssl.infra}:
 * {@code containers} uses Testcontainers (Kafka, MongoDB), {@code embedded} an in-JVM
 * KRaft broker and mongo-java-server over real sockets, {@code auto} (the default)
 * containers when Docker answers, embedded otherwise. Test classes stay the same either
 * way: they call {@link #register} from a {@code @DynamicPropertySource} method.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static Endpoints endpoints;

	// the embedded wire server's backend; null with containers
	private static IndexedMemoryBackend embeddedMongo;

	private TestInfrastructure() {
	}

	/**
	 * Points Spring Kafka and reactive Spring Data MongoDB of the context under test at
	 * the shared servers.
	 */
	public static void register(DynamicPropertyRegistry registry, String database) {
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
		registry.add("spring.mongodb.uri", () -> mongoUri(database));
	}

	public static synchronized String kafkaBootstrapServers() {
		return endpoints().kafka();
	}

	/** A connection string to a database of its own on the shared server. */
	public static synchronized String mongoUri(String database) {
		return endpoints().mongo() + "/" + database;
	}

	/**
	 * How many documents the embedded wire server's queries examined so far (every
	 * database), to show what a query costs without a clock; empty when the tests run
	 * against a real MongoDB.
	 */
	public static synchronized OptionalLong mongoDocumentsExamined() {
		endpoints();
		return (embeddedMongo != null) ? OptionalLong.of(embeddedMongo.documentsExamined().count())
				: OptionalLong.empty();
	}

	private static Endpoints endpoints() {
		if (endpoints == null) {
			endpoints = useContainers() ? startContainers() : startEmbedded();
		}
		return endpoints;
	}

	private static boolean useContainers() {
		String mode = System.getProperty("rvssl.infra", "auto");
		return switch (mode) {
			case "containers" -> true;
			case "embedded" -> false;
			default -> dockerAvailable();
		};
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Endpoints startContainers() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
		MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
		kafka.start();
		mongo.start();
		log.info("Integration tests use Testcontainers: Kafka {} and MongoDB {}", kafka.getBootstrapServers(),
				mongo.getConnectionString());
		return new Endpoints(kafka.getBootstrapServers(), mongo.getConnectionString());
	}

	private static Endpoints startEmbedded() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.afterPropertiesSet();
		embeddedMongo = new IndexedMemoryBackend();
		MongoServer mongo = new MongoServer(embeddedMongo);
		mongo.bind("127.0.0.1", 0);
		InetSocketAddress address = mongo.getLocalAddress();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mongo.shutdownNow();
			kafka.destroy();
		}, "test-infrastructure-shutdown"));
		String mongoUri = "mongodb://127.0.0.1:" + address.getPort();
		log.info("Integration tests use the embedded KRaft broker {} and mongo-java-server {}",
				kafka.getBrokersAsString(), mongoUri);
		return new Endpoints(kafka.getBrokersAsString(), mongoUri);
	}

	private record Endpoints(String kafka, String mongo) {
	}

}
