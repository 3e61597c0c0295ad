package com.rvssl.gateway.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.gateway.scenarios.SandboxCaForClass;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A place that got no answer in time may still be on its way through the CA (a CA slow to
 * start, a queue in front of it): the order is then made after the call was given up. A
 * look-up by reference right after the time-out misses it and a second place makes a
 * second CA order. The gateway waits before its next look-up instead, and nothing (not
 * even another order of the CA going through, which makes its backlog due) brings that
 * look-up forward. Against the sandbox CA, which holds the delayed place for longer than
 * the gateway waits for an answer and counts the CA orders of each reference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.gateway.sweep.interval=PT0.3S", "rvssl.gateway.submission.retries=2",
				"rvssl.gateway.submission.retry-backoff=PT0.1S", "rvssl.gateway.submission.reattempt-base=PT0.5S",
				"rvssl.gateway.submission.unanswered-place-wait=PT8S",
				"resilience4j.timelimiter.instances.digicert.timeout-duration=1s" })
// closed after the class: another gateway context in this JVM would share its Kafka
// consumer group
@DirtiesContext
class UnansweredPlaceIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static final SandboxCaForClass sandbox = SandboxCaForClass.starting("PT1H");

	private final TopicRecorder published = TopicRecorder.get();

	@Autowired
	KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	SubmissionStore store;

	@Autowired
	Submissions submissions;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-unanswered-place-tests");
		TestKeys.register(registry);
		sandbox.register(registry);
	}

	@Test
	void aPlaceCarriedOutAfterItTimedOutIsAdoptedNotPlacedAgain() {
		String slow = kept("slow.example.com");
		String next = kept("next.example.com");
		// every DigiCert call of the next second waits 3 s before the CA carries it out
		sandbox.get().fault("digicert", "LATENCY", 1, 1.0, 3000);
		Instant sent = Instant.now();
		submissions.attempt(claimed(slow)).block(TIMEOUT);

		SubmissionRecord waiting = store.find(slow).block(TIMEOUT);
		assertThat(waiting.state()).isEqualTo(SubmissionState.RETRYING);
		assertThat(waiting.nextAttemptAt()).isAfterOrEqualTo(sent.plusSeconds(8));
		// another order of the CA goes through meanwhile: the backlog is due, but not the
		// order whose place may still be carried out
		await().atMost(PATIENCE).until(() -> Instant.now().isAfter(sent.plusMillis(1500)));
		submissions.attempt(claimed(next)).block(TIMEOUT);
		assertThat(store.find(next).block(TIMEOUT).state()).isEqualTo(SubmissionState.SUBMITTED);
		assertThat(store.find(slow).block(TIMEOUT).nextAttemptAt()).isEqualTo(waiting.nextAttemptAt());

		// the delayed place made its order; the sweep's look-up finds and adopts it
		await().atMost(PATIENCE).until(() -> !published.of(slow, CertificateSubmitted.class).isEmpty());
		assertThat(sandbox.get().ordersWithReference(slow)).singleElement()
			.satisfies(order -> assertThat(order.get("caOrderId"))
				.isEqualTo(published.of(slow, CertificateSubmitted.class).get(0).caOrderId()));
		assertThat(store.find(slow).block(TIMEOUT).state()).isEqualTo(SubmissionState.SUBMITTED);
		assertThat(sandbox.get().ordersWithReference(next)).hasSize(1);
	}

	private SubmissionRecord claimed(String orderId) {
		SubmissionRecord claimed = store.claimPaid(orderId, UUID.randomUUID().toString(), now()).block(TIMEOUT);
		assertThat(claimed).isNotNull();
		return claimed;
	}

	/**
	 * A DigiCert DV order kept for submission (its OrderPlaced handled), not paid yet.
	 */
	private String kept(String domain) {
		return new KeptOrders(kafka, store).kept(CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", domain);
	}

	private static Instant now() {
		return KeptOrders.now();
	}

}
