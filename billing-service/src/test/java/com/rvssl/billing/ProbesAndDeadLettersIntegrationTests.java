package com.rvssl.billing;

import java.util.UUID;

import com.rvssl.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** Readiness follows MongoDB and Kafka, liveness only the process; dead letters are counted per topic. */
class ProbesAndDeadLettersIntegrationTests extends BillingIntegrationTest {

	@Autowired
	MeterRegistry registry;

	@Test
	void readinessReportsKafkaAndMongoWhileLivenessChecksOnlyTheProcess() {
		web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.kafka.status").isEqualTo("UP")
			.jsonPath("$.components.mongoPing.status").isEqualTo("UP");
		web.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.livenessState.status").isEqualTo("UP")
			.jsonPath("$.components.kafka").doesNotExist()
			.jsonPath("$.components.mongoPing").doesNotExist();
	}

	@Test
	void anOrderOfAnUnknownResellerIsCountedAsADeadLetterOfTheOrdersTopic() {
		double before = deadLetters();
		String orderId = newOrderId();

		publish(orderPlaced(new Reseller("no-such-reseller-" + UUID.randomUUID(), "none"), orderId, 300));

		eventually().until(() -> topics.deadLetters().stream().anyMatch((record) -> orderId.equals(record.key())));
		// other tests may dead-letter records too: at least this one
		eventually().until(() -> deadLetters() >= before + 1);
	}

	private double deadLetters() {
		return registry.get("rvssl.kafka.dead.letters")
			.tag("topic", Topics.deadLetterOf(Topics.ORDERS))
			.counter()
			.count();
	}

}
