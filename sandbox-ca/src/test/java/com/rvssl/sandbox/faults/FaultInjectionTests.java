package com.rvssl.sandbox.faults;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.body;
import static com.rvssl.sandbox.DigicertOrders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import com.rvssl.sandbox.SandboxCaTest;

@SandboxCaTest
class FaultInjectionTests {

	@Autowired
	WebTestClient client;

	@AfterEach
	void clearFaults() {
		this.client.delete().uri("/sandbox/faults").exchange().expectStatus().isNoContent();
	}

	@Test
	void anOutageAnswers503UntilTheFaultsAreCleared() {
		fault(Map.of("api", "digicert", "mode", "OUTAGE", "durationSeconds", 60));
		list().expectStatus().isEqualTo(503);

		this.client.delete().uri("/sandbox/faults").exchange().expectStatus().isNoContent();
		list().expectStatus().isOk();
	}

	@Test
	void faultsNeverTouchTheSandboxsOwnPaths() {
		fault(Map.of("api", "digicert", "mode", "OUTAGE", "durationSeconds", 60));
		this.client.get().uri("/sandbox/orders").exchange().expectStatus().isOk();
		this.client.get().uri("/sandbox/roots").exchange().expectStatus().isOk();
	}

	@Test
	void aFaultOnTheSectigoApiLeavesTheDigicertApiAlone() {
		fault(Map.of("api", "sectigo", "mode", "OUTAGE", "durationSeconds", 60));
		list().expectStatus().isOk();
	}

	@Test
	void aLostReplyCreatesTheOrderButTheClientSeesA504WithoutBody() {
		String reference = "lost-" + UUID.randomUUID();
		fault(Map.of("api", "digicert", "mode", "LOST_REPLY", "durationSeconds", 60));
		order(this.client, "ssl_dv_geotrust",
				body("lost.example.com", List.of(), csr(rsa2048(), "lost.example.com"), reference))
			.expectStatus()
			.isEqualTo(504)
			.expectBody()
			.isEmpty();

		this.client.get()
			.uri("/sandbox/orders?reference={reference}", reference)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].status")
			.isEqualTo("pending");
	}

	@Test
	void aServerErrorFaultAnswers500WithDigicertsInternalError() {
		fault(Map.of("api", "digicert", "mode", "ERROR_5XX", "durationSeconds", 60));
		list().expectStatus().isEqualTo(500).expectBody().jsonPath("$.errors[0].code").isEqualTo("internal_error");
	}

	@Test
	void aRateLimitFaultAnswers429RequestLimitExceeded() {
		fault(Map.of("api", "digicert", "mode", "RATE_LIMIT", "durationSeconds", 60));
		list().expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("request_limit_exceeded");
	}

	@Test
	void aMalformedFaultAnswers200WithABodyThatIsNotJson() {
		fault(Map.of("api", "digicert", "mode", "MALFORMED", "durationSeconds", 60));
		String body = list().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThatThrownBy(() -> JsonMapper.builder().build().readTree(body)).isInstanceOf(RuntimeException.class);
	}

	@Test
	void aLatencyFaultDelaysTheReplyAndThenServesIt() {
		fault(Map.of("api", "digicert", "mode", "LATENCY", "durationSeconds", 60, "latencyMillis", 800));
		long start = System.nanoTime();
		list().expectStatus().isOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
	}

	@Test
	void aFaultWithProbabilityZeroNeverHits() {
		Map<String, Object> fault = new HashMap<>(Map.of("api", "digicert", "mode", "OUTAGE", "durationSeconds", 60));
		fault.put("probability", 0.0);
		fault(fault);
		for (int i = 0; i < 5; i++) {
			list().expectStatus().isOk();
		}
	}

	@Test
	void aFaultEndsByItselfAfterItsDuration() {
		fault(Map.of("api", "digicert", "mode", "OUTAGE", "durationSeconds", 1));
		list().expectStatus().isEqualTo(503);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> list().expectStatus().isOk());
	}

	private void fault(Map<String, Object> fault) {
		this.client.post()
			.uri("/sandbox/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(fault)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private WebTestClient.ResponseSpec list() {
		return this.client.get()
			.uri("/services/v2/order/certificate?limit=1")
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange();
	}

}
