package com.rvssl.gateway.scenarios;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many orders through a CA that fails in every way the sandbox can inject: each order
 * ends submitted exactly once (counted on the sandbox's side, by reference) and issued
 * exactly once (one CA order, issued, one certificate and no reissue at the sandbox;
 * ISSUED and the same certificate read through the gateway's internal API while faults
 * still play), and the circuit breaker opens during an outage and closes after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.gateway.sweep.interval=PT0.3S", "rvssl.gateway.submission.retries=1",
				"rvssl.gateway.submission.retry-backoff=PT0.1S", "rvssl.gateway.submission.reattempt-base=PT0.5S",
				"rvssl.gateway.submission.reattempt-max=PT1S", "rvssl.gateway.submission.batch=200",
				// the injected latency (3.5 s) carries a timed-out place out within this
				"rvssl.gateway.submission.unanswered-place-wait=PT5S",
				"resilience4j.circuitbreaker.instances.digicert.wait-duration-in-open-state=1s",
				"resilience4j.circuitbreaker.instances.sectigo.wait-duration-in-open-state=1s",
				"resilience4j.timelimiter.instances.digicert.timeout-duration=3s",
				"resilience4j.timelimiter.instances.sectigo.timeout-duration=3s",
				// after the submissions, two reads per order (status, certificate): at
				// the production limits (DigiCert 100 per 5 s, Sectigo a cautious 10 per
				// second) those alone would take 20 s and 40 s. The sandbox's DigiCert
				// account allows twice the gateway's DigiCert limit (see sandbox.get()),
				// so that its 429s are the injected ones, as with the production limits.
				"resilience4j.ratelimiter.instances.digicert.limit-for-period=500",
				"resilience4j.ratelimiter.instances.sectigo.limit-for-period=50" })
@DirtiesContext
class FaultToleranceIntegrationTests {

	/**
	 * Generous: 200 orders per CA through faults, on machines shared by several builds.
	 */
	private static final Duration PATIENCE = Duration.ofMinutes(4);

	/**
	 * Concurrent reads through the gateway: enough to be quick, fewer than Sectigo's
	 * bulkhead queues well.
	 */
	private static final int READERS = 8;

	// DV orders approve themselves soon after submission, so that each can be followed to
	// issuance; DigiCert's request limits are raised to twice the gateway's own (see the
	// properties above)
	@RegisterExtension
	static final SandboxCaForClass sandbox = SandboxCaForClass.starting("PT2S",
			"--sandbox.digicert.limits.short-window-requests=1000",
			"--sandbox.digicert.limits.long-window-requests=10000");

	/**
	 * One CSR for every order: the sandbox checks it, and the test is about counting, not
	 * keys.
	 */
	private static final String CSR = TestCertificates.csr(TestCertificates.rsa2048(), "fault.example.com");

	private final TopicRecorder published = TopicRecorder.get();

	@Autowired
	KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-fault-tests");
		TestKeys.register(registry);
		sandbox.register(registry);
	}

	@Test
	void twoHundredDigicertOrdersThroughAnOutageAndEveryOtherFaultAreEachSubmittedAndIssuedExactlyOnceAndTheCircuitOpensAndCloses() {
		CircuitBreaker circuit = circuitBreakers.circuitBreaker("digicert");
		List<String> transitions = new CopyOnWriteArrayList<>();
		circuit.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition().name()));

		// An outage until the circuit has opened (however slowly a busy machine delivers
		// the orders), then every other fault mixed in.
		sandbox.get().fault("digicert", "OUTAGE", 120, 1.0, 0);
		List<String> orders = new ArrayList<>(order(CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", 30));
		await().atMost(PATIENCE).until(() -> transitions.contains("CLOSED_TO_OPEN"));
		sandbox.get().clearFaults();
		for (String mode : List.of("ERROR_5XX", "RATE_LIMIT", "LOST_REPLY", "MALFORMED")) {
			sandbox.get().fault("digicert", mode, 15, 0.1, 0);
		}
		sandbox.get().fault("digicert", "LATENCY", 15, 0.05, 3500);
		orders.addAll(order(CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", 170));

		assertEachSubmittedExactlyOnce(orders);
		assertEachIssuedExactlyOnce("digicert", orders);
		await().atMost(PATIENCE).until(() -> circuit.getState() == CircuitBreaker.State.CLOSED);
		assertThat(transitions).contains("CLOSED_TO_OPEN", "OPEN_TO_HALF_OPEN", "HALF_OPEN_TO_CLOSED");
	}

	@Test
	void twoHundredSectigoOrdersThroughEveryFaultAreEachSubmittedAndIssuedExactlyOnce() {
		for (String mode : List.of("OUTAGE", "ERROR_5XX", "RATE_LIMIT", "LOST_REPLY", "MALFORMED")) {
			sandbox.get().fault("sectigo", mode, 10, 0.12, 0);
		}
		sandbox.get().fault("sectigo", "LATENCY", 10, 0.05, 3500);

		List<String> orders = order(CertificateAuthority.SECTIGO, "287", 200);
		assertEachSubmittedExactlyOnce(orders);
		assertEachIssuedExactlyOnce("sectigo", orders);
	}

	private void assertEachSubmittedExactlyOnce(List<String> orders) {
		await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
			Map<String, List<CertificateSubmitted>> submitted = published.byOrder(CertificateSubmitted.class);
			return orders.stream().allMatch(submitted::containsKey);
		});
		sandbox.get().clearFaults();
		Map<String, List<CertificateSubmitted>> submitted = published.byOrder(CertificateSubmitted.class);
		Map<String, List<Map<String, Object>>> atCa = sandbox.get()
			.allOrders()
			.stream()
			.filter(order -> order.get("reference") != null)
			.collect(Collectors.groupingBy(order -> (String) order.get("reference")));
		for (String orderId : orders) {
			assertThat(atCa.get(orderId)).as("CA orders of %s", orderId).hasSize(1);
			assertThat(submitted.get(orderId)).as("CertificateSubmitted of %s", orderId)
				.singleElement()
				.satisfies(event -> assertThat(event.caOrderId()).isEqualTo(atCa.get(orderId).get(0).get("caOrderId")));
		}
	}

	/**
	 * Follows every order to issuance through the gateway's internal API (status-sync's
	 * read path: the same retry and circuit breaker as the submissions) while the CA
	 * still fails now and then, then checks the sandbox's side: one CA order per
	 * reference, issued once, and its certificate the one the gateway serves.
	 */
	private void assertEachIssuedExactlyOnce(String api, List<String> orders) {
		for (String mode : List.of("ERROR_5XX", "RATE_LIMIT", "MALFORMED")) {
			sandbox.get().fault(api, mode, 5, 0.05, 0);
		}
		sandbox.get().fault(api, "LATENCY", 5, 0.02, 3500);
		Map<String, String> caOrderIds = new ConcurrentHashMap<>();
		Map<String, String> servedSerials = new ConcurrentHashMap<>();
		WebClient gateway = WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.SERVICE_KEY)
			.build();
		// a read the faults spoil (503, 502) is simply asked again at the next poll
		await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
			Flux.fromIterable(orders)
				.filter(orderId -> !servedSerials.containsKey(orderId))
				.flatMap(orderId -> read(gateway, "/internal/v1/orders/{id}/ca-status", orderId)
					.filter(status -> "ISSUED".equals(status.get("status")))
					.doOnNext(status -> caOrderIds.put(orderId, (String) status.get("caOrderId")))
					.flatMap(status -> read(gateway, "/internal/v1/orders/{id}/certificate", orderId))
					.doOnNext(certificate -> servedSerials.put(orderId, (String) certificate.get("serialNumber"))),
						READERS)
				.then()
				.block(PATIENCE);
			return servedSerials.size() == orders.size();
		});
		sandbox.get().clearFaults();
		Map<String, List<Map<String, Object>>> atCa = sandbox.get()
			.allOrders()
			.stream()
			.filter(order -> order.get("reference") != null)
			.collect(Collectors.groupingBy(order -> (String) order.get("reference")));
		for (String orderId : orders) {
			assertThat(atCa.get(orderId)).as("CA orders of %s", orderId).singleElement().satisfies(caOrder -> {
				assertThat(caOrder.get("status")).as("status of %s at the CA", orderId).isEqualTo("issued");
				assertThat(caOrder.get("reissues")).as("reissues of %s at the CA", orderId).isEqualTo(0);
				assertThat(caOrder.get("caOrderId")).as("CA order of %s", orderId).isEqualTo(caOrderIds.get(orderId));
				assertThat(caOrder.get("serialNumber")).as("serial of %s at the CA", orderId).isNotNull();
				assertThat(new BigInteger(servedSerials.get(orderId), 16))
					.as("serial of %s served by the gateway", orderId)
					.isEqualTo(new BigInteger((String) caOrder.get("serialNumber"), 16));
			});
		}
	}

	/**
	 * The gateway's answer, or nothing when it was not a success (the CA failed, or is
	 * not done yet).
	 */
	private static Mono<Map<String, Object>> read(WebClient gateway, String path, String orderId) {
		return gateway.get()
			.uri(path, orderId)
			.exchangeToMono(response -> response.statusCode().is2xxSuccessful()
					? response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
					}) : response.releaseBody().then(Mono.<Map<String, Object>>empty()))
			.timeout(Duration.ofSeconds(30))
			.onErrorResume(ex -> Mono.empty());
	}

	private List<String> order(CertificateAuthority ca, String caProduct, int count) {
		List<String> orderIds = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String orderId = "fault-" + UUID.randomUUID();
			orderIds.add(orderId);
			send(event(orderId,
					new OrderPlaced("product-" + caProduct, ca, caProduct, Validation.DV, 12,
							List.of("fault.example.com"), CSR, new Dcv(DcvMethod.EMAIL, "admin@fault.example.com"),
							new Customer("Ann Lee", "ann@example.com"), null, Money.of(1299, "USD"),
							Money.of(2999, "USD"), "whmcs-1")));
			send(event(orderId, new PaymentCaptured(Money.of(1299, "USD"), Money.of(8701, "USD"))));
		}
		kafka.flush();
		return orderIds;
	}

	private void send(EventEnvelope envelope) {
		kafka.send(Topics.ORDERS, envelope.key(), envelope);
	}

	private static EventEnvelope event(String orderId, com.rvssl.contracts.events.OrderEvent payload) {
		return EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId, payload);
	}

}
