package com.rvssl.kit.health;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka health for the readiness probe: the cluster answers {@code describeCluster}
 * within a short timeout. Without the broker no event is consumed or published, so the
 * pod should take no traffic, but it must not be restarted for it (liveness does not
 * include this check).
 */
public class KafkaClusterHealth implements ReactiveHealthIndicator, DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final KafkaAdmin kafkaAdmin;

	private volatile Admin admin;

	public KafkaClusterHealth(KafkaAdmin kafkaAdmin) {
		this.kafkaAdmin = kafkaAdmin;
	}

	@Override
	public Mono<Health> health() {
		return Mono.defer(() -> {
			DescribeClusterResult cluster = admin()
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
			return Mono.fromCompletionStage(cluster.clusterId().toCompletionStage())
				.zipWith(Mono.fromCompletionStage(cluster.nodes().toCompletionStage()),
						(clusterId, nodes) -> Health.up()
							.withDetail("clusterId", clusterId)
							.withDetail("nodes", nodes.size())
							.build());
		})
			.timeout(TIMEOUT.plusSeconds(1))
			.onErrorResume((failure) -> Mono.just(Health.down().withException(failure).build()));
	}

	// one client for all checks, made on the first: a client per check would open new
	// connections each time
	private Admin admin() {
		Admin current = admin;
		if (current == null) {
			synchronized (this) {
				if (admin == null) {
					admin = Admin.create(kafkaAdmin.getConfigurationProperties());
				}
				current = admin;
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		Admin current = admin;
		if (current != null) {
			current.close(Duration.ofSeconds(2));
		}
	}

}
