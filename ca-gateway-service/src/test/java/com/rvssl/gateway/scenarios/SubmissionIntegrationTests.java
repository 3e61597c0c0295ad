package com.rvssl.gateway.scenarios;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Organization;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.events.SubmissionFailed;
import com.rvssl.kit.test.PathBypassAssertions;
import com.rvssl.kit.test.ProbeAssertions;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway as the other services see it: events in on the orders topic, events out on
 * it, the sandbox CA counting what it was sent, and the internal API status-sync calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.gateway.sweep.interval=PT0.5S", "rvssl.gateway.submission.retries=1",
				"rvssl.gateway.submission.retry-backoff=PT0.2S", "rvssl.gateway.submission.reattempt-base=PT1S",
				"rvssl.gateway.submission.reattempt-max=PT2S",
				"resilience4j.circuitbreaker.instances.digicert.wait-duration-in-open-state=1s",
				"resilience4j.circuitbreaker.instances.sectigo.wait-duration-in-open-state=1s",
				"resilience4j.timelimiter.instances.digicert.timeout-duration=4s",
				"resilience4j.timelimiter.instances.sectigo.timeout-duration=4s" })
@AutoConfigureWebTestClient
// closed after the class: another gateway context in this JVM would share its Kafka
// consumer group
@DirtiesContext
class SubmissionIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	// DV orders stay pending long enough to be seen pending, then issue by themselves.
	@RegisterExtension
	static final SandboxCaForClass sandbox = SandboxCaForClass.starting("PT3S");

	private final TopicRecorder published = TopicRecorder.get();

	@Autowired
	KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	WebTestClient anyone;

	/** What status-sync is: a client with the platform's service key. */
	WebTestClient client;

	@BeforeEach
	void callAsAService() {
		client = anyone.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.SERVICE_KEY).build();
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-submission-tests");
		TestKeys.register(registry);
		sandbox.register(registry);
	}

	@Test
	void aPaidOrderIsSubmittedOnceAndAnnouncedWithTheCasOrderId() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "paid.example.com", csrFor("paid.example.com")));
		publish(paid(orderId));

		CertificateSubmitted submitted = awaitSubmitted(orderId);

		assertThat(submitted.ca()).isEqualTo(CertificateAuthority.DIGICERT);
		List<Map<String, Object>> atCa = sandbox.get().ordersWithReference(orderId);
		assertThat(atCa).hasSize(1);
		assertThat(atCa.get(0).get("caOrderId")).isEqualTo(submitted.caOrderId());
		client.get()
			.uri("/internal/v1/orders/{id}", orderId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("SUBMITTED")
			.jsonPath("$.caOrderId")
			.isEqualTo(submitted.caOrderId())
			.jsonPath("$.attempts")
			.isEqualTo(1);
	}

	@Test
	void redeliveredPaymentsNeverOrderTwice() {
		String orderId = newOrderId();
		EventEnvelope payment = paid(orderId);
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "twice.example.com", csrFor("twice.example.com")));
		publish(payment);
		for (int i = 0; i < 3; i++) {
			publish(payment);
			publish(paid(orderId));
		}

		awaitSubmitted(orderId);

		await().during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(() -> sandbox.get().ordersWithReference(orderId).size() == 1);
		assertThat(published.of(orderId, CertificateSubmitted.class)).hasSize(1);
	}

	@Test
	void aCaAnsweringServerErrorsIsRetriedUntilTheOrderGoesThrough() {
		sandbox.get().fault("ERROR_5XX", 3, 1.0);
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "flaky.example.com", csrFor("flaky.example.com")));
		publish(paid(orderId));

		await().atMost(PATIENCE)
			.until(() -> published.of(orderId, SubmissionFailed.class).stream().anyMatch(SubmissionFailed::willRetry));
		CertificateSubmitted submitted = awaitSubmitted(orderId);

		List<Map<String, Object>> atCa = sandbox.get().ordersWithReference(orderId);
		assertThat(atCa).hasSize(1);
		assertThat(atCa.get(0).get("caOrderId")).isEqualTo(submitted.caOrderId());
	}

	@Test
	void aLostReplyIsRecoveredByLookingTheOrderUpInsteadOfOrderingAgain() {
		sandbox.get().fault("LOST_REPLY", 2, 1.0);
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "lost.example.com", csrFor("lost.example.com")));
		publish(paid(orderId));

		CertificateSubmitted submitted = awaitSubmitted(orderId);

		List<Map<String, Object>> atCa = sandbox.get().ordersWithReference(orderId);
		assertThat(atCa).hasSize(1);
		assertThat(atCa.get(0).get("caOrderId")).isEqualTo(submitted.caOrderId());
	}

	@Test
	void anInvalidCsrFailsTheSubmissionForGood() {
		String orderId = newOrderId();
		String notACsr = "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgY3NyIGF0IGFsbA==\n-----END CERTIFICATE REQUEST-----\n";
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "invalid.example.com", notACsr));
		publish(paid(orderId));

		SubmissionFailed failed = await().atMost(PATIENCE)
			.until(() -> published.of(orderId, SubmissionFailed.class), found -> !found.isEmpty())
			.get(0);

		assertThat(failed.willRetry()).isFalse();
		assertThat(failed.reason()).contains("invalid_csr");
		CertificateRejected rejected = await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateRejected.class), found -> !found.isEmpty())
			.get(0);
		assertThat(rejected.reason()).contains("invalid_csr");
		assertThat(sandbox.get().ordersWithReference(orderId)).isEmpty();
		client.get()
			.uri("/internal/v1/orders/{id}", orderId)
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("FAILED");
	}

	@Test
	void theCaStatusGoesFromPendingValidationToIssuedAndTheCertificateIsTheCsrs() throws Exception {
		String orderId = newOrderId();
		KeyPair key = TestCertificates.ec("secp256r1");
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "issued.example.com",
				csrFor(key, "issued.example.com")));
		publish(paid(orderId));
		CertificateSubmitted submitted = awaitSubmitted(orderId);

		Map<String, Object> pending = caStatus(orderId);
		assertThat(pending).containsEntry("status", "PENDING_VALIDATION")
			.containsEntry("caOrderId", submitted.caOrderId())
			.containsEntry("detail", "Waiting for admin@issued.example.com to approve")
			.containsEntry("stage", "DCV_PENDING");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> dcv = (List<Map<String, Object>>) pending.get("dcv");
		assertThat(dcv).extracting(each -> each.get("method") + " " + each.get("domain") + " " + each.get("target"))
			.containsExactly("EMAIL issued.example.com admin@issued.example.com",
					"EMAIL www.issued.example.com admin@issued.example.com");
		client.get().uri("/internal/v1/orders/{id}/certificate", orderId).exchange().expectStatus().isEqualTo(409);

		awaitIssuedAtTheCa(orderId);

		Map<String, Object> certificate = readAtTheCa("/internal/v1/orders/{id}/certificate", orderId);
		List<X509Certificate> chain = chain((String) certificate.get("pemChain"));
		assertThat(chain).hasSize(3);
		X509Certificate leaf = chain.get(0);
		assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
		assertThat(certificate).containsEntry("serialNumber", leaf.getSerialNumber().toString(16))
			.containsEntry("issuer", leaf.getIssuerX500Principal().getName())
			.containsEntry("notAfter", leaf.getNotAfter().toInstant().toString());
	}

	@Test
	void aRejectedOrderReportsTheCasReason() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_basic", Validation.OV, "rejected.example.com", csrFor("rejected.example.com")));
		publish(paid(orderId));
		CertificateSubmitted submitted = awaitSubmitted(orderId);

		sandbox.get().advance(submitted.caOrderId(), Map.of("to", "rejected", "reason", "Organisation not found"));

		assertThat(caStatus(orderId)).containsEntry("status", "REJECTED")
			.containsEntry("caStatus", "rejected")
			.containsEntry("detail", "Organisation not found");
	}

	@Test
	void anOrderCancelledBeforePaymentIsNeverSubmittedAndItsCancellationIsConfirmedRefundable() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "cancelled.example.com",
				csrFor("cancelled.example.com")));
		publish(event(orderId, OrderCancelled.requested("customer changed their mind")));
		publish(paid(orderId));

		CertificateCancelled confirmed = awaitOne(orderId, CertificateCancelled.class);
		assertThat(confirmed.refundable()).isTrue();
		assertThat(confirmed.caOrderId()).isNull();
		await().atMost(PATIENCE).until(() -> "CANCELLED".equals(summary(orderId).get("state")));
		await().during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(() -> sandbox.get().ordersWithReference(orderId).isEmpty());
		assertThat(published.of(orderId, CertificateSubmitted.class)).isEmpty();
		assertThat(published.of(orderId, CancellationRefused.class)).isEmpty();
	}

	@Test
	void anOrderCancelledAfterSubmissionIsCancelledAtTheCaAndConfirmedOnce() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_basic", Validation.OV, "withdrawn.example.com", csrFor("withdrawn.example.com")));
		publish(paid(orderId));
		CertificateSubmitted submitted = awaitSubmitted(orderId);

		EventEnvelope cancel = event(orderId, OrderCancelled.requested("customer changed their mind"));
		publish(cancel);
		publish(cancel);

		await().atMost(PATIENCE).until(() -> "CANCELLED".equals(summary(orderId).get("state")));
		assertThat(sandbox.get().ordersWithReference(orderId)).singleElement()
			.satisfies(order -> assertThat(order.get("status")).isEqualTo("canceled"));
		assertThat(caStatus(orderId)).containsEntry("status", "CANCELLED");
		CertificateCancelled confirmed = awaitOne(orderId, CertificateCancelled.class);
		assertThat(confirmed.refundable()).isTrue();
		assertThat(confirmed.caOrderId()).isEqualTo(submitted.caOrderId());
		assertThat(published.of(orderId, CancellationRefused.class)).isEmpty();
	}

	@Test
	void aCancelTheCaCannotCarryOutBecauseItIssuedIsRefusedWithItsReasonAndTheOrderGoesOn() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_basic", Validation.OV, "too-late.example.com", csrFor("too-late.example.com")));
		publish(paid(orderId));
		CertificateSubmitted submitted = awaitSubmitted(orderId);
		sandbox.get().advance(submitted.caOrderId(), Map.of("to", "issued"));

		publish(event(orderId, OrderCancelled.requested("customer changed their mind")));

		CancellationRefused refused = awaitOne(orderId, CancellationRefused.class);
		assertThat(refused.caOrderId()).isEqualTo(submitted.caOrderId());
		assertThat(refused.reason()).isNotBlank();
		assertThat(summary(orderId)).containsEntry("state", "SUBMITTED");
		assertThat(sandbox.get().ordersWithReference(orderId)).singleElement()
			.satisfies(order -> assertThat(order.get("status")).isEqualTo("issued"));
		assertThat(caStatus(orderId)).containsEntry("status", "ISSUED");
		assertThat(published.of(orderId, CertificateCancelled.class)).isEmpty();
	}

	@Test
	void aCancelTheCaRefusesForAnOrderItRejectedRefundsNothingOnTheCancel() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_basic", Validation.OV, "refused.example.com", csrFor("refused.example.com")));
		publish(paid(orderId));
		CertificateSubmitted submitted = awaitSubmitted(orderId);
		sandbox.get().advance(submitted.caOrderId(), Map.of("to", "rejected", "reason", "Organisation not found"));

		publish(event(orderId, OrderCancelled.requested("customer changed their mind")));

		assertThat(awaitOne(orderId, CancellationRefused.class).caOrderId()).isEqualTo(submitted.caOrderId());
		assertThat(published.of(orderId, CertificateCancelled.class)).isEmpty();
	}

	@Test
	void aCancelWhileTheSubmissionIsInFlightWaitsForItsOutcomeAndCancelsTheOrderItGot() {
		// every call takes 3.5 s (the time limiter allows 4 s): long enough for the
		// cancel to
		// land while the order is being placed
		sandbox.get().fault("digicert", "LATENCY", 15, 1.0, 3500);
		try {
			String orderId = newOrderId();
			publish(placed(orderId, "ssl_basic", Validation.OV, "in-flight.example.com",
					csrFor("in-flight.example.com")));
			publish(paid(orderId));
			await().atMost(PATIENCE).until(() -> "SUBMITTING".equals(summary(orderId).get("state")));

			publish(event(orderId, OrderCancelled.requested("customer changed their mind")));

			CertificateCancelled confirmed = awaitOne(orderId, CertificateCancelled.class);
			assertThat(sandbox.get().ordersWithReference(orderId)).singleElement().satisfies(order -> {
				assertThat(order.get("status")).isEqualTo("canceled");
				assertThat(order.get("caOrderId")).isEqualTo(confirmed.caOrderId());
			});
			assertThat(confirmed.caOrderId()).isNotNull();
			assertThat(summary(orderId)).containsEntry("state", "CANCELLED");
		}
		finally {
			sandbox.get().clearFaults();
		}
	}

	private <T> T awaitOne(String orderId, Class<T> type) {
		T found = await().atMost(PATIENCE).until(() -> published.of(orderId, type), events -> !events.isEmpty()).get(0);
		// whatever else is still in the outbox comes within the same relay round
		await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> published.of(orderId, type).size() == 1);
		return found;
	}

	@Test
	void ordersHeldByAnOutageAreCountedAsWaitingForTheirCaUntilTheyGoThrough() {
		sandbox.get().fault("OUTAGE", 8, 1.0);
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "queued.example.com", csrFor("queued.example.com")));
		publish(paid(orderId));

		await().atMost(PATIENCE).until(() -> waitingFor("digicert") >= 1);
		awaitSubmitted(orderId);
		await().atMost(PATIENCE).until(() -> waitingFor("digicert") == 0);
	}

	private double waitingFor(String ca) {
		String metrics = client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		java.util.regex.Matcher gauge = java.util.regex.Pattern
			.compile("rvssl_gateway_orders_waiting\\{[^}]*ca=\"" + ca + "\"[^}]*\\} ([0-9.E+-]+)")
			.matcher(metrics);
		return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
	}

	@Test
	void caCallsAndTheCircuitBreakerAreMeasuredAndTheServiceIsReady() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "measured.example.com",
				csrFor("measured.example.com")));
		publish(paid(orderId));
		awaitSubmitted(orderId);

		String metrics = client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics)
			.containsPattern(
					"rvssl_ca_calls_seconds_count\\{.*ca=\"digicert\".*operation=\"place\".*outcome=\"success\"")
			.contains("resilience4j_circuitbreaker_state{")
			.containsPattern("resilience4j_circuitbreaker_state\\{.*name=\"sectigo\"")
			.containsPattern("resilience4j_ratelimiter_available_permissions\\{.*name=\"digicert\"")
			.containsPattern("resilience4j_bulkhead_available_concurrent_calls\\{.*name=\"sectigo\"")
			.containsPattern("resilience4j_retry_calls_total\\{.*name=\"digicert\"")
			.containsPattern("resilience4j_timelimiter_calls_total\\{.*name=\"digicert\"")
			.containsPattern("rvssl_gateway_orders_waiting\\{.*ca=\"sectigo\"");
		ProbeAssertions.assertReadinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess(client);
	}

	@Test
	void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() {
		String orderId = newOrderId();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafkaBootstrapServers());
		try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.ORDERS, orderId, "{not an event".getBytes(StandardCharsets.UTF_8)));
			producer.flush();
		}
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "poison.example.com", csrFor("poison.example.com")));
		publish(paid(orderId));

		List<String> deadValues = await().atMost(PATIENCE)
			.until(() -> published.deadLetters(Topics.ORDERS)
				.stream()
				.filter(record -> orderId.equals(record.key()))
				.map(record -> new String(record.value(), StandardCharsets.UTF_8))
				.toList(), found -> !found.isEmpty());

		assertThat(deadValues).containsExactly("{not an event");
		awaitSubmitted(orderId);
	}

	@Test
	void theInternalApiAnswersNothingWithoutTheServiceKeyInAnyShapeOfItsPath() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "internal.example.com",
				csrFor("internal.example.com")));
		publish(paid(orderId));
		awaitSubmitted(orderId);

		for (String path : List.of("/internal/v1/orders/" + orderId, "/internal/v1/orders/" + orderId + "/ca-status",
				"/internal/v1/orders/" + orderId + "/certificate")) {
			PathBypassAssertions.assertFirewallRejected(
					PathBypassAssertions.assertEveryShapeRefused(anyone, HttpMethod.GET, path, null, null));
			PathBypassAssertions.assertEveryShapeRefused(anyone, HttpMethod.GET, path, "rk_live_some-reseller", null);
			assertThat(PathBypassAssertions.send(anyone, HttpMethod.GET, path, "rk_live_some-reseller", null)
				.getStatus()
				.value()).isEqualTo(401);
		}
		// the operator may look too (docs/runbook.md); the service key is what
		// status-sync sends
		anyone.get()
			.uri("/internal/v1/orders/{id}", orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isOk();
		client.get().uri("/internal/v1/orders/{id}", orderId).exchange().expectStatus().isOk();
	}

	@Test
	void aPathListedNowhereNeedsAKeyWhileTheProbesAndTheScrapeAreOpen() {
		anyone.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
		anyone.get().uri("/no/such/page").exchange().expectStatus().isUnauthorized();
		anyone.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		anyone.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		// the service key opens nothing outside /internal/**
		client.get().uri("/actuator/info").exchange().expectStatus().isForbidden();
	}

	@Test
	void anUnknownOrderIsAProblemNotFound() {
		client.get()
			.uri("/internal/v1/orders/{id}/ca-status", "no-such-order")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void aSectigoOrderIsSubmittedOnceWithOurOrderIdAsItsUniqueValueAndIssued() throws Exception {
		String orderId = newOrderId();
		KeyPair key = TestCertificates.ec("secp256r1");
		publish(placed(CertificateAuthority.SECTIGO, orderId, "287", Validation.DV, "sectigo.example.com",
				csrFor(key, "sectigo.example.com")));
		publish(paid(orderId));

		CertificateSubmitted submitted = awaitSubmitted(orderId);

		assertThat(submitted.ca()).isEqualTo(CertificateAuthority.SECTIGO);
		assertThat(sandbox.get().ordersWithReference(orderId)).singleElement().satisfies(order -> {
			assertThat(order).containsEntry("api", "sectigo").containsEntry("caOrderId", submitted.caOrderId());
		});
		assertThat(caStatus(orderId)).containsEntry("status", "PENDING_VALIDATION")
			.containsEntry("caStatus", "Awaiting Validation");
		awaitIssuedAtTheCa(orderId);
		Map<String, Object> certificate = readAtTheCa("/internal/v1/orders/{id}/certificate", orderId);
		List<X509Certificate> chain = chain((String) certificate.get("pemChain"));
		assertThat(chain).hasSize(3);
		assertThat(chain.get(0).getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
	}

	@Test
	void aLostSectigoReplyIsRecoveredThroughTheRepeatedUniqueValue() {
		sandbox.get().fault("sectigo", "LOST_REPLY", 2, 1.0, 0);
		String orderId = newOrderId();
		publish(placed(CertificateAuthority.SECTIGO, orderId, "287", Validation.DV, "lost-sectigo.example.com",
				csrFor("lost-sectigo.example.com")));
		publish(paid(orderId));

		CertificateSubmitted submitted = awaitSubmitted(orderId);

		assertThat(sandbox.get().ordersWithReference(orderId)).singleElement()
			.satisfies(order -> assertThat(order.get("caOrderId")).isEqualTo(submitted.caOrderId()));
	}

	@Test
	void aReissueRequestReachesTheCaOnceAndIsRecordedOnTheSubmission() throws Exception {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "reissue.example.com",
				csrFor("reissue.example.com")));
		publish(paid(orderId));
		awaitSubmitted(orderId);
		awaitIssuedAtTheCa(orderId);

		KeyPair newKey = TestCertificates.ec("secp256r1");
		EventEnvelope reissue = event(orderId, new ReissueRequested(csrFor(newKey, "reissue.example.com")));
		publish(reissue);
		publish(reissue);

		await().atMost(PATIENCE).until(() -> ((List<?>) summary(orderId).get("caActions")).size() == 1);
		assertThat(caActions(orderId)).singleElement()
			.satisfies(action -> assertThat(action).containsEntry("kind", "REISSUE")
				.containsEntry("outcome", "DONE")
				.containsEntry("eventId", reissue.eventId().toString()));
		await().during(Duration.ofSeconds(1))
			.atMost(PATIENCE)
			.until(() -> Integer.valueOf(1).equals(sandbox.get().ordersWithReference(orderId).get(0).get("reissues")));
		Map<String, Object> certificate = readAtTheCa("/internal/v1/orders/{id}/certificate", orderId);
		assertThat(chain((String) certificate.get("pemChain")).get(0).getPublicKey().getEncoded())
			.isEqualTo(newKey.getPublic().getEncoded());
	}

	@Test
	void aDcvResendRequestReachesTheSectigoCaOnce() {
		String orderId = newOrderId();
		publish(placed(CertificateAuthority.SECTIGO, orderId, "24", Validation.OV, "resend.example.com",
				csrFor("resend.example.com")));
		publish(paid(orderId));
		awaitSubmitted(orderId);

		EventEnvelope resend = event(orderId, new DcvResendRequested("admin@resend.example.com"));
		publish(resend);
		publish(resend);

		await().atMost(PATIENCE).until(() -> ((List<?>) summary(orderId).get("caActions")).size() == 1);
		assertThat(caActions(orderId)).singleElement()
			.satisfies(
					action -> assertThat(action).containsEntry("kind", "DCV_RESEND").containsEntry("outcome", "DONE"));
		await().during(Duration.ofSeconds(1))
			.atMost(PATIENCE)
			.until(() -> Integer.valueOf(1)
				.equals(sandbox.get().ordersWithReference(orderId).get(0).get("dcvEmailsResent")));
	}

	@Test
	void aDcvChangeReachesTheCaOnceEvenRedeliveredAndLaterStatusReadsDescribeTheNewMethod() {
		String orderId = newOrderId();
		String domain = "switch.example.com";
		publish(placed(CertificateAuthority.DIGICERT, orderId, "ssl_dv_rapidssl", Validation.DV, domain, csrFor(domain),
				new Dcv(DcvMethod.HTTP, null)));
		publish(paid(orderId));
		awaitSubmitted(orderId);

		EventEnvelope toDns = event(orderId, new DcvChangeRequested(new Dcv(DcvMethod.DNS, null)));
		publish(toDns);
		publish(toDns);

		await().atMost(PATIENCE).until(() -> caActions(orderId).size() == 1);
		assertThat(caActions(orderId)).singleElement()
			.satisfies(action -> assertThat(action).containsEntry("kind", "DCV_CHANGE")
				.containsEntry("outcome", "DONE")
				.containsEntry("eventId", toDns.eventId().toString()));
		assertThat(dcvOnRecord(orderId)).containsEntry("method", "DNS");
		assertThat(sandbox.get().ordersWithReference(orderId).get(0).get("dcvMethod")).isEqualTo("dns-txt-token");
		assertThat(dcvInstruction(orderId)).containsEntry("method", "DNS")
			.containsEntry("target", "_dnsauth." + domain);

		// a later change, then the first one redelivered late: applying it again would
		// put DNS back
		publish(event(orderId, new DcvChangeRequested(new Dcv(DcvMethod.HTTP, null))));
		publish(toDns);

		await().atMost(PATIENCE).until(() -> caActions(orderId).size() == 2);
		await().during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(() -> caActions(orderId).size() == 2
					&& "http-token".equals(sandbox.get().ordersWithReference(orderId).get(0).get("dcvMethod")));
		assertThat(dcvOnRecord(orderId)).containsEntry("method", "HTTP");
		assertThat(dcvInstruction(orderId)).containsEntry("method", "HTTP")
			.containsEntry("target", "http://" + domain + "/.well-known/pki-validation/fileauth.txt");
	}

	@Test
	void aDcvChangeTheCaRefusesIsKeptOnTheRecordWithTheOldMethodAndNotTriedAgain() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_dv_rapidssl", Validation.DV, "late-switch.example.com",
				csrFor("late-switch.example.com")));
		publish(paid(orderId));
		awaitSubmitted(orderId);
		// the sandbox approves DV email orders by itself: once issued, the CA refuses any
		// DCV change
		awaitIssuedAtTheCa(orderId);

		publish(event(orderId, new DcvChangeRequested(new Dcv(DcvMethod.DNS, null))));

		await().atMost(PATIENCE).until(() -> caActions(orderId).size() == 1);
		assertThat(caActions(orderId)).singleElement()
			.satisfies(action -> assertThat(action).containsEntry("kind", "DCV_CHANGE")
				.containsEntry("outcome", "REFUSED")
				.hasEntrySatisfying("detail", detail -> assertThat((String) detail).contains("cannot change")));
		assertThat(dcvOnRecord(orderId)).containsEntry("method", "EMAIL")
			.containsEntry("approverEmail", "admin@late-switch.example.com");
		await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> caActions(orderId).size() == 1);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> dcvOnRecord(String orderId) {
		return (Map<String, Object>) summary(orderId).get("dcv");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> dcvInstruction(String orderId) {
		return ((List<Map<String, Object>>) caStatus(orderId).get("dcv")).get(0);
	}

	@Test
	void aReissueRequestedBeforeTheOrderReachesTheCaReplacesTheCsrSubmitted() {
		String orderId = newOrderId();
		publish(placed(orderId, "ssl_basic", Validation.OV, "early.example.com", csrFor("early.example.com")));
		publish(event(orderId, new ReissueRequested(csrFor("early.example.com"))));

		await().atMost(PATIENCE).until(() -> ((List<?>) summary(orderId).get("caActions")).size() == 1);
		assertThat(caActions(orderId)).singleElement()
			.satisfies(action -> assertThat(action).containsEntry("outcome", "CSR_REPLACED"));
	}

	private CertificateSubmitted awaitSubmitted(String orderId) {
		return await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class), found -> !found.isEmpty())
			.get(0);
	}

	/**
	 * Polls the CA's status as status-sync does: half a second apart, and a read the CA's
	 * budget refuses (503 {@code ca-over-budget}) is only asked again later.
	 */
	private void awaitIssuedAtTheCa(String orderId) {
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
			@SuppressWarnings("rawtypes")
			EntityExchangeResult<Map> read = client.get()
				.uri("/internal/v1/orders/{id}/ca-status", orderId)
				.exchange()
				.expectBody(Map.class)
				.returnResult();
			if (CaReads.isOverBudget(read)) {
				return false;
			}
			assertThat(read.getStatus().value()).isEqualTo(200);
			return "ISSUED".equals(read.getResponseBody().get("status"));
		});
	}

	private Map<String, Object> caStatus(String orderId) {
		return readAtTheCa("/internal/v1/orders/{id}/ca-status", orderId);
	}

	private Map<String, Object> readAtTheCa(String path, String orderId) {
		return CaReads.read(client, path, orderId, PATIENCE);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> caActions(String orderId) {
		return (List<Map<String, Object>>) summary(orderId).get("caActions");
	}

	private Map<String, Object> summary(String orderId) {
		return body(client.get().uri("/internal/v1/orders/{id}", orderId));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(WebTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static List<X509Certificate> chain(String pem) throws Exception {
		List<X509Certificate> chain = new ArrayList<>();
		CertificateFactory.getInstance("X.509")
			.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
			.forEach(certificate -> chain.add((X509Certificate) certificate));
		return chain;
	}

	void publish(EventEnvelope envelope) {
		try {
			kafka.send(Topics.ORDERS, envelope.key(), envelope).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish " + envelope.type(), ex);
		}
	}

	static String newOrderId() {
		return "ord-" + UUID.randomUUID();
	}

	/** A CSR for the domain and its www name, whose key the test does not check. */
	private static String csrFor(String domain) {
		return csrFor(TestCertificates.rsa2048(), domain);
	}

	private static String csrFor(KeyPair key, String domain) {
		return TestCertificates.csr(key, domain, "www." + domain);
	}

	private static EventEnvelope placed(String orderId, String caProduct, Validation validation, String domain,
			String csr) {
		return placed(CertificateAuthority.DIGICERT, orderId, caProduct, validation, domain, csr);
	}

	static EventEnvelope placed(CertificateAuthority ca, String orderId, String caProduct, Validation validation,
			String domain, String csr) {
		return placed(ca, orderId, caProduct, validation, domain, csr, new Dcv(DcvMethod.EMAIL, "admin@" + domain));
	}

	static EventEnvelope placed(CertificateAuthority ca, String orderId, String caProduct, Validation validation,
			String domain, String csr, Dcv dcv) {
		Organization organization = (validation == Validation.DV) ? null
				: new Organization("Example Ltd", "GB", "London", "1 High St", "+44 20 0000",
						new Organization.Contact("Bob", "bob@example.com", "+44 20 0001"));
		return event(orderId,
				new OrderPlaced("product-" + caProduct, ca, caProduct, validation, 12, List.of(domain, "www." + domain),
						csr, dcv, new Customer("Ann Lee", "ann@example.com"), organization, Money.of(1299, "USD"),
						Money.of(2999, "USD"), "whmcs-1"));
	}

	static EventEnvelope paid(String orderId) {
		return event(orderId, new PaymentCaptured(Money.of(1299, "USD"), Money.of(8701, "USD")));
	}

	static EventEnvelope event(String orderId, com.rvssl.contracts.events.OrderEvent payload) {
		return EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId, payload);
	}

}
