package com.rvssl.gateway.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.gateway.scenarios.SandboxCaForClass;
import com.rvssl.kit.outbox.OutboxEntry;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
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
 * An order is placed at the CA once, even when an attempt outlives its claim (a replica
 * stalled between its claim and its CA call: a long pause, a frozen VM) and another takes
 * the claim over: the outcome is recorded only by the holder of the current claim, and a
 * second CA order for the same reference is cancelled at the CA (or adopted when it is
 * the one the order holds). Against the sandbox CA, which counts the CA orders of each
 * reference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.gateway.sweep.interval=PT0.3S", "rvssl.gateway.submission.retries=1",
				"rvssl.gateway.submission.retry-backoff=PT0.1S", "rvssl.gateway.submission.reattempt-base=PT0.5S",
				"rvssl.gateway.submission.reattempt-max=PT1S", "rvssl.gateway.submission.stale-after=PT4S",
				"rvssl.gateway.submission.attempt-deadline=PT2S" })
// closed after the class: another gateway context in this JVM would share its Kafka
// consumer group
@DirtiesContext
class SinglePlacementIntegrationTests {

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

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-single-placement-tests");
		TestKeys.register(registry);
		sandbox.register(registry);
	}

	@Test
	void anAttemptThatOutlivedItsClaimCancelsTheSecondCaOrderItPlaced() {
		String orderId = kept("stalled.example.com");
		double cancelledBefore = duplicatesCancelled();
		// a replica claims the paid order, then stalls before calling the CA
		SubmissionRecord stalled = store.claimPaid(orderId, UUID.randomUUID().toString(), now()).block(TIMEOUT);
		assertThat(stalled).isNotNull();

		// the sweep takes the stale claim over and places the order
		CertificateSubmitted submitted = await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class), found -> !found.isEmpty())
			.get(0);

		// the stalled attempt wakes up and places the order a second time
		submissions.attempt(stalled).block(TIMEOUT);
		assertThat(sandbox.get().ordersWithReference(orderId)).hasSize(2);

		await().atMost(PATIENCE).until(() -> live(orderId).size() == 1);
		assertThat(live(orderId)).singleElement()
			.satisfies(order -> assertThat(order.get("caOrderId")).isEqualTo(submitted.caOrderId()));
		assertThat(sandbox.get().ordersWithReference(orderId)).hasSize(2);
		await().atMost(PATIENCE).until(() -> store.find(orderId).block(TIMEOUT).strayCaOrderIds().isEmpty());
		assertThat(duplicatesCancelled() - cancelledBefore).isEqualTo(1);
		SubmissionRecord record = store.find(orderId).block(TIMEOUT);
		assertThat(record.state()).isEqualTo(SubmissionState.SUBMITTED);
		assertThat(record.caOrderId()).isEqualTo(submitted.caOrderId());
		assertThat(record.strayCaOrderIds()).isEmpty();
		await().during(Duration.ofSeconds(1))
			.atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class).size() == 1);
	}

	/**
	 * Why the claim is not renewed: a live attempt ends within its deadline, half the
	 * claim, and a stalled one (a frozen VM could not renew either) is fenced by its
	 * token. However often a stale claim's attempt runs, it records nothing and leaves no
	 * second live CA order.
	 */
	@Test
	void aStaleClaimRunAgainAndAgainNeverRecordsAndLeavesOneLiveCaOrder() {
		String orderId = kept("stale-again.example.com");
		SubmissionRecord stale = store.claimPaid(orderId, UUID.randomUUID().toString(), now()).block(TIMEOUT);
		CertificateSubmitted submitted = await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class), found -> !found.isEmpty())
			.get(0);

		submissions.attempt(stale).block(TIMEOUT);
		submissions.attempt(stale).block(TIMEOUT);

		await().atMost(PATIENCE).until(() -> live(orderId).size() == 1);
		assertThat(live(orderId)).singleElement()
			.satisfies(order -> assertThat(order.get("caOrderId")).isEqualTo(submitted.caOrderId()));
		await().atMost(PATIENCE).until(() -> store.find(orderId).block(TIMEOUT).strayCaOrderIds().isEmpty());
		SubmissionRecord record = store.find(orderId).block(TIMEOUT);
		assertThat(record.state()).isEqualTo(SubmissionState.SUBMITTED);
		assertThat(record.caOrderId()).isEqualTo(submitted.caOrderId());
		assertThat(record.claimToken()).isNotEqualTo(stale.claimToken());
		await().during(Duration.ofSeconds(1))
			.atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class).size() == 1);
	}

	@Test
	void aCaOrderPlacedAfterTheClaimWasTakenOverIsAdoptedWhenTheNewHolderFindsIt() {
		String orderId = kept("adopted.example.com");
		double cancelledBefore = duplicatesCancelled();
		SubmissionRecord first = store.claimPaid(orderId, UUID.randomUUID().toString(), now()).block(TIMEOUT);
		// a second replica takes the claim over at once (as if the first had been silent
		// for longer than the claim)
		SubmissionRecord second = store.claimDue(now(), first.claimedAt()).block(TIMEOUT);
		assertThat(second.orderId()).isEqualTo(orderId);

		// the first places the order while the second holds the claim: kept as a stray
		submissions.attempt(first).block(TIMEOUT);
		List<Map<String, Object>> placedByFirst = sandbox.get().ordersWithReference(orderId);
		assertThat(placedByFirst).singleElement()
			.satisfies(order -> assertThat(order.get("status")).isNotEqualTo("canceled"));
		// the second looks the reference up before placing, and adopts that order
		submissions.attempt(second).block(TIMEOUT);

		CertificateSubmitted submitted = await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class), found -> !found.isEmpty())
			.get(0);
		assertThat(submitted.caOrderId()).isEqualTo(placedByFirst.get(0).get("caOrderId"));
		await().atMost(PATIENCE).until(() -> store.find(orderId).block(TIMEOUT).strayCaOrderIds().isEmpty());
		assertThat(sandbox.get().ordersWithReference(orderId)).singleElement()
			.satisfies(order -> assertThat(order.get("status")).isNotEqualTo("canceled"));
		assertThat(duplicatesCancelled()).isEqualTo(cancelledBefore);
		await().during(Duration.ofSeconds(1))
			.atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class).size() == 1);
	}

	@Test
	void onlyTheHolderOfTheCurrentClaimRecordsAnOutcomeEvenWhenTakenOverInTheSameMillisecond() {
		String orderId = kept("fenced.example.com");
		SubmissionRecord first = store.claimPaid(orderId, UUID.randomUUID().toString(), now()).block(TIMEOUT);
		// taken over at the very instant of the first claim: only the claim's token tells
		// the two apart
		SubmissionRecord second = store.claimDue(first.claimedAt(), first.claimedAt()).block(TIMEOUT);
		assertThat(second.orderId()).isEqualTo(orderId);
		assertThat(second.claimedAt()).isEqualTo(first.claimedAt());

		assertThat(store.recordSubmitted(first, "ca-first", submittedEvent(first, "ca-first"), now()).block(TIMEOUT))
			.isFalse();
		assertThat(
				store.recordRetrying(first, "CA down", now(), submittedEvent(first, "ca-first"), now()).block(TIMEOUT))
			.isFalse();
		assertThat(store.recordFailed(first, "refused", List.of(), now()).block(TIMEOUT)).isFalse();
		SubmissionRecord untouched = store.find(orderId).block(TIMEOUT);
		assertThat(untouched.state()).isEqualTo(SubmissionState.SUBMITTING);
		assertThat(untouched.caOrderId()).isNull();
		assertThat(untouched.outbox()).isEmpty();

		assertThat(
				store.recordSubmitted(second, "ca-second", submittedEvent(second, "ca-second"), now()).block(TIMEOUT))
			.isTrue();
		assertThat(store.find(orderId).block(TIMEOUT).caOrderId()).isEqualTo("ca-second");
	}

	/**
	 * A DigiCert DV order kept for submission (its OrderPlaced handled), not paid yet.
	 */
	private String kept(String domain) {
		return new KeptOrders(kafka, store).kept(CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", domain);
	}

	private static OutboxEntry submittedEvent(SubmissionRecord record, String caOrderId) {
		OrderEvent payload = new CertificateSubmitted(record.ca(), caOrderId);
		return OutboxEntry.of(EventEnvelope.of(record.orderId(), record.resellerId(), record.correlationId(), payload));
	}

	/** The CA orders of this reference not cancelled at the CA. */
	private List<Map<String, Object>> live(String orderId) {
		return sandbox.get()
			.ordersWithReference(orderId)
			.stream()
			.filter(order -> !"canceled".equals(order.get("status")))
			.toList();
	}

	private double duplicatesCancelled() {
		return meters.get("rvssl.gateway.duplicate.ca.orders.cancelled").tag("ca", "digicert").counter().count();
	}

	private static Instant now() {
		return KeptOrders.now();
	}

}
