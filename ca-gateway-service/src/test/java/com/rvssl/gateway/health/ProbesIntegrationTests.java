package com.rvssl.gateway.health;

import com.rvssl.kit.test.ProbeAssertions;
import com.rvssl.kit.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Readiness follows MongoDB and the Kafka cluster, liveness only the process. The
 * listeners stay stopped (the health checks do not need them), so this context consumes
 * nothing other tests publish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.listener.auto-startup=false", "spring.kafka.consumer.group-id=gateway-probes" })
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext
class ProbesIntegrationTests {

	@Autowired
	WebTestClient web;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-probes");
	}

	@Test
	void readinessReportsKafkaAndMongoWhileLivenessChecksOnlyTheProcess() {
		ProbeAssertions.assertReadinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess(web);
	}

}
