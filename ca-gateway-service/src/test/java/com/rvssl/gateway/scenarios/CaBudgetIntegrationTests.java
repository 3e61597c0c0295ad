package com.rvssl.gateway.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CA budget's priorities through the gateway as status-sync and the orders topic use
 * it, with the real sandbox CA: a flood of status reads on the internal API does not hold
 * a submission back by more than a period or two, a download goes before the submissions
 * waiting for permits, and a read the budget cannot serve is answered at once with a 503
 * problem (status-sync asks again later) instead of waiting for a permit past its
 * caller's time-out. The budget is made small (5 calls per 2 s, one of them kept from
 * reads) so that a few dozen readers overrun it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.gateway.sweep.interval=PT0.3S", "rvssl.gateway.submission.retries=0",
				"rvssl.gateway.submission.reattempt-base=PT0.5S", "rvssl.gateway.submission.reattempt-max=PT1S",
				"resilience4j.timelimiter.instances.digicert.timeout-duration=4s",
				"resilience4j.ratelimiter.instances.digicert.limit-for-period=5",
				"resilience4j.ratelimiter.instances.digicert.limit-refresh-period=2s",
				"resilience4j.ratelimiter.instances.digicert.timeout-duration=10s" })
@DirtiesContext
class CaBudgetIntegrationTests {

	private static final Duration PERIOD = Duration.ofSeconds(2);

	/** Concurrent readers, each asking again as soon as it is answered. */
	private static final int READERS = 30;

	/**
	 * Paid to submitted while reads flood: the submission's permit comes within one
	 * period, the rest is the orders topic, the database and the CA's answer on a busy
	 * machine. Queued behind the readers, as before the budget, it would wait for the
	 * limiter's whole queue (10 s).
	 */
	private static final Duration ON_SCHEDULE = PERIOD.multipliedBy(4);

	/**
	 * How long the limiter lets a queued call wait here (as the submissions do): a read
	 * answered sooner was not queued. The gateway's own refusal is measured inside it
	 * ({@code rvssl.ca.calls}), where it must take less than a period; answers seen by
	 * the client carry the load of a busy machine and of the flood itself.
	 */
	private static final Duration QUEUED = Duration.ofSeconds(10);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@RegisterExtension
	static final SandboxCaForClass sandbox = SandboxCaForClass.starting("PT1H");

	private final TopicRecorder published = TopicRecorder.get();

	@Autowired
	KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	WebClient gateway;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-budget-tests");
		TestKeys.register(registry);
		sandbox.register(registry);
	}

	@BeforeEach
	void callAsAService() {
		gateway = WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.SERVICE_KEY)
			.build();
	}

	@Test
	void aFloodOfStatusReadsLeavesASubmissionOnScheduleAndTheReadsItCannotServeAreRefusedAtOnce() throws Exception {
		String read = submitted("flooded.example.com");
		long floodEnds = System.nanoTime() + Duration.ofSeconds(12).toNanos();
		CompletableFuture<List<Answer>> flood = Flux.range(0, READERS)
			.flatMap(reader -> status(read).repeat(() -> System.nanoTime() < floodEnds), READERS)
			.collectList()
			.toFuture();
		Thread.sleep(PERIOD.toMillis());

		String orderId = SubmissionIntegrationTests.newOrderId();
		long paidAt = System.nanoTime();
		publish(placed(orderId, "on-time.example.com"));
		publish(SubmissionIntegrationTests.paid(orderId));
		await().atMost(PATIENCE).until(() -> !published.of(orderId, CertificateSubmitted.class).isEmpty());
		Duration toSubmitted = Duration.ofNanos(System.nanoTime() - paidAt);

		List<Answer> answers = flood.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(toSubmitted).as("paid to submitted during the flood: %s", toSubmitted).isLessThan(ON_SCHEDULE);
		assertThat(answers).as("reads served").anySatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
		List<Answer> refused = answers.stream().filter(answer -> answer.status() != 200).toList();
		assertThat(refused).as("reads refused").isNotEmpty().allSatisfy(this::assertRefusedAtOnce);
		// refusals are no CA failures: the circuit stays closed for the submission
		assertThat(circuitBreakers.circuitBreaker("digicert").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(meters.get("rvssl.ca.calls")
			.tags("ca", "digicert", "operation", "status", "outcome", "over_budget")
			.timer()
			.max(TimeUnit.MILLISECONDS)).as("longest refusal inside the gateway, ms").isLessThan(PERIOD.toMillis());
		// what was served stayed within the budget: at most 4 reads per 2 s period (one
		// permit kept), over 12 s and a period either side
		assertThat(answers.size() - refused.size()).isLessThanOrEqualTo(4 * (12 / 2 + 2));

		assertThat(prometheus())
			.containsPattern(
					"rvssl_ca_budget_refused_total\\{account=\"default\",ca=\"digicert\",priority=\"status\"\\}")
			.containsPattern(
					"rvssl_ca_budget_permits_total\\{account=\"default\",ca=\"digicert\",priority=\"submission\"\\}")
			.containsPattern("rvssl_ca_budget_waiting\\{account=\"default\",ca=\"digicert\",priority=\"submission\"\\}")
			.containsPattern("resilience4j_ratelimiter_available_permissions\\{.*name=\"digicert\"");
	}

	@Test
	void aReadRefusedForLackOfBudgetIsAnsweredAtOnceAsAProblemToRetryLater() {
		String read = submitted("refused.example.com");

		long start = System.nanoTime();
		List<Answer> answers = Flux.range(0, 20).flatMap(i -> status(read), 20).collectList().block(PATIENCE);
		long periods = Duration.ofNanos(System.nanoTime() - start).dividedBy(PERIOD) + 2;

		// at most 4 reads per period (one permit kept), however the burst spread on a
		// busy
		// machine
		assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSizeLessThanOrEqualTo((int) (4 * periods));
		assertThat(answers).filteredOn(answer -> answer.status() != 200)
			.isNotEmpty()
			.allSatisfy(this::assertRefusedAtOnce);
	}

	@Test
	void aDownloadIsServedWhileSubmissionsWaitForPermits() {
		String issued = submitted("downloaded.example.com");
		sandbox.get()
			.advance(published.of(issued, CertificateSubmitted.class).get(0).caOrderId(), Map.of("to", "issued"));
		// more paid orders than a period's permits: the listener's submission waits in
		// line
		List<String> queued = IntStream.range(0, 12).mapToObj(i -> SubmissionIntegrationTests.newOrderId()).toList();
		for (int i = 0; i < queued.size(); i++) {
			publish(placed(queued.get(i), "queued-" + i + ".example.com"));
			publish(SubmissionIntegrationTests.paid(queued.get(i)));
		}
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> waiting("submission") > 0);

		Answer download = certificate(issued).block(PATIENCE);

		// before the budget's line, a read found the permits promised to the waiting
		// submission and was refused; the download goes first now
		assertThat(download.status()).as("download while a submission waits").isEqualTo(200);
		assertThat(download.took()).isLessThan(QUEUED);
		assertThat(meters.get("rvssl.ca.budget.permits")
			.tags("ca", "digicert", "account", "default", "priority", "download")
			.counter()
			.count()).isEqualTo(1);
		// and the submissions go on: all placed, leaving the next test a quiet budget
		await().atMost(PATIENCE)
			.until(() -> queued.stream().allMatch(id -> !published.of(id, CertificateSubmitted.class).isEmpty()));
	}

	private double waiting(String priority) {
		return meters.get("rvssl.ca.budget.waiting")
			.tags("ca", "digicert", "account", "default", "priority", priority)
			.gauge()
			.value();
	}

	private void assertRefusedAtOnce(Answer answer) {
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.type()).endsWith("/ca-over-budget");
		assertThat(answer.retryAfter()).isNotNull();
		assertThat(answer.took()).isLessThan(QUEUED);
	}

	/** An order submitted to the CA, whose status the tests read. */
	private String submitted(String domain) {
		String orderId = SubmissionIntegrationTests.newOrderId();
		publish(placed(orderId, domain));
		publish(SubmissionIntegrationTests.paid(orderId));
		await().atMost(PATIENCE).until(() -> !published.of(orderId, CertificateSubmitted.class).isEmpty());
		// the next period, so that each test starts with a full budget
		await().pollDelay(PERIOD).atMost(PATIENCE).until(() -> true);
		return orderId;
	}

	private Mono<Answer> status(String orderId) {
		return read("/internal/v1/orders/{id}/ca-status", orderId);
	}

	private Mono<Answer> certificate(String orderId) {
		return read("/internal/v1/orders/{id}/certificate", orderId);
	}

	private Mono<Answer> read(String path, String orderId) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return gateway.get()
				.uri(path, orderId)
				.exchangeToMono(response -> response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
				})
					.defaultIfEmpty(Map.of())
					.map(body -> new Answer(response.statusCode().value(), String.valueOf(body.get("type")),
							String.valueOf(response.headers().contentType().orElse(null)),
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
							Duration.ofNanos(System.nanoTime() - start))));
		});
	}

	private String prometheus() {
		return gateway.get().uri("/actuator/prometheus").retrieve().bodyToMono(String.class).block(PATIENCE);
	}

	private static EventEnvelope placed(String orderId, String domain) {
		return SubmissionIntegrationTests.placed(CertificateAuthority.DIGICERT, orderId, "ssl_dv_rapidssl",
				Validation.DV, domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));
	}

	private void publish(EventEnvelope envelope) {
		try {
			kafka.send(Topics.ORDERS, envelope.key(), envelope).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish " + envelope.type(), ex);
		}
	}

	record Answer(int status, String type, String contentType, String retryAfter, Duration took) {
	}

}
