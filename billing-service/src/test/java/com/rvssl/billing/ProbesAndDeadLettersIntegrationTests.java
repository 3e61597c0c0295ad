package com.rvssl.billing;

import java.util.UUID;

import com.rvssl.contracts.Topics;
import com.rvssl.kit.test.ProbeAssertions;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Readiness follows MongoDB and Kafka, liveness only the process; dead letters are
 * counted per topic.
 */
class ProbesAndDeadLettersIntegrationTests extends BillingIntegrationTest {

	@Autowired
	MeterRegistry registry;

	@Test
	void readinessReportsKafkaAndMongoWhileLivenessChecksOnlyTheProcess() {
		ProbeAssertions.assertReadinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess(web);
	}

	@Test
	void anOrderOfAnUnknownResellerIsCountedAsADeadLetterOfTheOrdersTopic() {
		double before = deadLetters();
		String orderId = newOrderId();

		publish(orderPlaced(new Reseller("no-such-reseller-" + UUID.randomUUID(), "none"), orderId, 300));

		eventually()
			.until(() -> topics.deadLetters(Topics.ORDERS).stream().anyMatch((record) -> orderId.equals(record.key())));
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
