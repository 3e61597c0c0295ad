package com.rvssl.gateway.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import com.rvssl.contracts.events.SubmissionFailed;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
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
 * A backlog built while the CA is down drains, once it is back, in the order the orders
 * were paid and never faster than the CA's rate limiter allows: both checked on the
 * sandbox's side, by the time each CA order was created there. The limiter is made tight
 * here (two calls a second) so a small backlog shows the pace; the re-attempt back-off
 * doubles, so the outage leaves the orders' turns scattered, as a real one does.
 */
@SpringBootTest(properties = { "rvssl.gateway.sweep.interval=PT0.2S", "rvssl.gateway.submission.retries=0",
		"rvssl.gateway.submission.reattempt-base=PT0.3S", "rvssl.gateway.submission.reattempt-max=PT2S",
		"resilience4j.circuitbreaker.instances.digicert.wait-duration-in-open-state=1s",
		"resilience4j.timelimiter.instances.digicert.timeout-duration=3s",
		"resilience4j.ratelimiter.instances.digicert.limit-for-period=2",
		"resilience4j.ratelimiter.instances.digicert.limit-refresh-period=1s" })
@DirtiesContext
class BacklogDrainIntegrationTests {

	private static final int BACKLOG = 8;

	/**
	 * How far apart two arrivals at the sandbox may be measured closer than their permits
	 * were.
	 */
	private static final Duration JITTER = Duration.ofMillis(200);

	private static final Duration PATIENCE = Duration.ofMinutes(1);

	private static final String CSR = TestCertificates.csr(TestCertificates.rsa2048(), "backlog.example.com");

	@RegisterExtension
	static final SandboxCaForClass sandbox = SandboxCaForClass.starting("PT1H");

	private final TopicRecorder published = TopicRecorder.get();

	@Autowired
	KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	RateLimiterRegistry rateLimiters;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-backlog-tests");
		TestKeys.register(registry);
		sandbox.register(registry);
	}

	@Test
	void aBacklogBuiltDuringAnOutageReachesTheCaOldestFirstAndNeverFasterThanItsRateLimit() {
		sandbox.get().fault("digicert", "OUTAGE", 120, 1.0, 0);
		List<String> paid = new ArrayList<>();
		for (int i = 0; i < BACKLOG; i++) {
			String orderId = "backlog-" + UUID.randomUUID();
			pay(orderId);
			paid.add(orderId);
			// held by the outage before the next is paid, so the gateway's records are in
			// this order
			await().atMost(PATIENCE).until(() -> !published.of(orderId, SubmissionFailed.class).isEmpty());
		}
		// the oldest has been turned away a few times: its back-off has grown past the
		// youngest's
		await().atMost(PATIENCE).until(() -> published.of(paid.get(0), SubmissionFailed.class).size() >= 4);
		sandbox.get().clearFaults();

		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> paid.stream().allMatch(id -> !published.of(id, CertificateSubmitted.class).isEmpty()));

		List<Map<String, Object>> arrived = sandbox.get()
			.allOrders()
			.stream()
			.filter(order -> paid.contains((String) order.get("reference")))
			.sorted(Comparator.comparing((Map<String, Object> order) -> Instant.parse((String) order.get("createdAt")))
				.thenComparing(order -> Long.parseLong((String) order.get("caOrderId"))))
			.toList();
		List<String> references = arrived.stream().map(order -> (String) order.get("reference")).toList();
		assertThat(references).as("each order reached the CA once").hasSize(BACKLOG).doesNotHaveDuplicates();

		// each order's failures are published before its CertificateSubmitted (one
		// outbox, one key)
		assertThat(paid.subList(1, BACKLOG))
			.as("orders queued behind the oldest are tried once (when paid) until the CA is back")
			.allSatisfy(id -> assertThat(published.of(id, SubmissionFailed.class)).hasSize(1));

		// only the oldest probes the CA while it is down (the others queue behind it), so
		// the re-attempt that finds it back is the oldest's, and the rest follow in the
		// order paid
		assertThat(references).as("arrival order at the CA").isEqualTo(paid);

		assertNeverFasterThanTheRateLimit(
				arrived.stream().map(order -> Instant.parse((String) order.get("createdAt"))).toList());
	}

	/**
	 * The limiter grants {@code limit} calls per refresh period, counted in periods of
	 * its own (not from the first call), so any span of arrivals touches at most (whole
	 * periods in it + 2) of them.
	 */
	private void assertNeverFasterThanTheRateLimit(List<Instant> arrivals) {
		RateLimiterConfig config = rateLimiters.rateLimiter("digicert").getRateLimiterConfig();
		int limit = config.getLimitForPeriod();
		long period = config.getLimitRefreshPeriod().toNanos();
		for (int i = 0; i < arrivals.size(); i++) {
			for (int j = i + 1; j < arrivals.size(); j++) {
				long span = Duration.between(arrivals.get(i), arrivals.get(j)).plus(JITTER).toNanos();
				long allowed = limit * (span / period + 2);
				assertThat(j - i + 1L).as("arrivals %d..%d within %s", i, j, Duration.ofNanos(span))
					.isLessThanOrEqualTo(allowed);
			}
		}
	}

	private void pay(String orderId) {
		send(EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId,
				new OrderPlaced("product-rapidssl", CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", Validation.DV, 12,
						List.of("backlog.example.com"), CSR, new Dcv(DcvMethod.EMAIL, "admin@backlog.example.com"),
						new Customer("Ann Lee", "ann@example.com"), null, Money.of(1299, "USD"), Money.of(2999, "USD"),
						"whmcs-1")));
		send(EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId,
				new PaymentCaptured(Money.of(1299, "USD"), Money.of(8701, "USD"))));
		kafka.flush();
	}

	private void send(EventEnvelope envelope) {
		kafka.send(Topics.ORDERS, envelope.key(), envelope);
	}

}
