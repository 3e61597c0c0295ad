package com.rvssl.kit.test;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The probes every service exposes, checked the same way everywhere: readiness follows
 * MongoDB and the Kafka cluster (the kit's {@code mongo} and {@code kafka} checks),
 * liveness only the process, so that an outage of either takes a pod out of traffic
 * without restarting it.
 */
public final class ProbeAssertions {

	private ProbeAssertions() {
	}

	public static void assertReadinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess(WebTestClient web) {
		web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kafka.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mongo.status")
			.isEqualTo("UP");
		web.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.livenessState.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kafka")
			.doesNotExist()
			.jsonPath("$.components.mongo")
			.doesNotExist();
	}

}
