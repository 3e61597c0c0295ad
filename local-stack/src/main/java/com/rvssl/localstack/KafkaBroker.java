package com.rvssl.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), in a JVM
 * of its own so it can be stopped and restarted like the real one. Its log directory is
 * formatted once and then kept, so topics and committed offsets survive a restart of the
 * stack.
 */
final class KafkaBroker implements AutoCloseable {

	private final JavaProcess process;

	private final String bootstrapServers;

	private KafkaBroker(JavaProcess process, String bootstrapServers) {
		this.process = process;
		this.bootstrapServers = bootstrapServers;
	}

	static KafkaBroker start(int port, int controllerPort, Path dataDir, Path logDir) {
		try {
			Path logDirs = dataDir.resolve("data");
			Path config = dataDir.resolve("server.properties");
			Files.createDirectories(logDirs);
			Files.writeString(config, serverProperties(port, controllerPort, logDirs));
			if (!Files.exists(logDirs.resolve("meta.properties"))) {
				JavaProcess.runMain("kafka-format", "kafka.tools.StorageTool",
						List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), logDir);
			}
			JavaProcess process = JavaProcess.startMain("kafka", "kafka.Kafka",
					List.of("-Xmx384m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info"),
					List.of(config.toString()), logDir);
			KafkaBroker broker = new KafkaBroker(process, "127.0.0.1:" + port);
			broker.awaitReady(Duration.ofSeconds(90));
			return broker;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot prepare the Kafka broker in " + dataDir, ex);
		}
	}

	private static String serverProperties(int port, int controllerPort, Path logDirs) {
		return String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
				"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"log.dirs=" + logDirs.toAbsolutePath(),
				// the services create their topics with 12 partitions; match it if one is
				// auto-created
				"num.partitions=12", "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=12",
				"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
				"group.initial.rebalance.delay.ms=0", "") + "\n";
	}

	private void awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000);
		try (Admin admin = Admin.create(config)) {
			while (Instant.now().isBefore(deadline)) {
				if (!process.isAlive()) {
					throw new IllegalStateException("the Kafka broker exited; see " + process.log());
				}
				try {
					admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
					return;
				}
				catch (Exception notYet) {
					Pause.briefly();
				}
			}
		}
		throw new IllegalStateException("the Kafka broker did not start in " + timeout + "; see " + process.log());
	}

	long residentKib() {
		return process.residentKib();
	}

	double cpuSeconds() {
		return process.cpuSeconds();
	}

	String bootstrapServers() {
		return bootstrapServers;
	}

	/**
	 * Stops the broker as the operating system would (SIGTERM): a clean, controlled
	 * shutdown.
	 */
	@Override
	public void close() {
		process.stop();
	}

}
