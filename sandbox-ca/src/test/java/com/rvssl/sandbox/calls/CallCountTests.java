package com.rvssl.sandbox.calls;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.body;
import static com.rvssl.sandbox.DigicertOrders.placed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.rvssl.sandbox.SandboxCaTest;

/**
 * The calls an order cost, read from the CA's side: per order by operation on
 * {@code /sandbox/orders/{id}}, in total and with the 429s on {@code /sandbox/calls}.
 */
@SandboxCaTest
class CallCountTests {

	@Autowired
	WebTestClient client;

	@AfterEach
	void noFaults() {
		this.client.delete().uri("/sandbox/faults").exchange().expectStatus().is2xxSuccessful();
	}

	@Test
	void aDigicertOrderShowsItsCallsByOperationAndTheTotalsGrowByThem() {
		CallLog.Totals before = totals();
		long id = placed(this.client, "ssl_basic",
				body("calls.example.com", List.of(), csr(rsa2048(), "calls.example.com"), "ref-calls"));
		status(id);
		status(id);
		this.client.post()
			.uri("/sandbox/orders/{id}/advance", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", "issued"))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/pem_all", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk();

		this.client.get()
			.uri("/sandbox/orders/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.calls")
			.isEqualTo(Map.of("place", 1, "status", 2, "download", 1));
		CallLog.Totals after = totals();
		assertThat(after.calls() - before.calls()).isEqualTo(4);
		assertThat(after.byApi().get("digicert").get("status") - count(before, "digicert", "status")).isEqualTo(2);
		assertThat(after.byOperation().get("place") - before.byOperation().getOrDefault("place", 0L)).isEqualTo(1);
	}

	@Test
	void aSectigoCollectIsAStatusCallWithoutTheCertificateAndADownloadWithIt() {
		String orderNumber = sectigo("!AutoApplySSL",
				Map.of("product", "287", "days", "365", "csr", csr(rsa2048(), "calls-sg.example.com"), "dcvMethod",
						"EMAIL", "dcvEmailAddress", "admin@calls-sg.example.com", "uniqueValue", "ref-calls-sg"))
			.lines()
			.filter((line) -> line.startsWith("orderNumber="))
			.findFirst()
			.orElseThrow()
			.substring(12);
		sectigo("download/CollectSSL", Map.of("orderNumber", orderNumber, "queryType", "0"));
		sectigo("download/CollectSSL", Map.of("orderNumber", orderNumber, "queryType", "2"));

		this.client.get()
			.uri("/sandbox/orders/{id}", orderNumber)
			.exchange()
			.expectBody()
			.jsonPath("$.calls")
			.isEqualTo(Map.of("place", 1, "status", 1, "download", 1));
	}

	@Test
	void callsAnswered429AreCountedApart() {
		long before = totals().tooManyRequests();
		this.client.post()
			.uri("/sandbox/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("api", "digicert", "mode", "RATE_LIMIT", "durationSeconds", 60))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/services/v2/order/certificate")
				.header("X-DC-DEVKEY", DEV_KEY)
				.exchange()
				.expectStatus()
				.isEqualTo(429);
		}

		CallLog.Totals after = totals();
		assertThat(after.tooManyRequests() - before).isEqualTo(3);
		assertThat(after.tooManyRequestsByApi()).containsKey("digicert");
	}

	private void status(long id) {
		this.client.get()
			.uri("/services/v2/order/certificate/{id}", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String sectigo(String operation, Map<String, String> fields) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("loginName", "sandbox-reseller");
		form.add("loginPassword", "sandbox-password");
		fields.forEach(form::add);
		return this.client.post()
			.uri("/products/" + operation)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private CallLog.Totals totals() {
		return this.client.get()
			.uri("/sandbox/calls")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(CallLog.Totals.class)
			.returnResult()
			.getResponseBody();
	}

	private static long count(CallLog.Totals totals, String api, String operation) {
		return totals.byApi().getOrDefault(api, Map.of()).getOrDefault(operation, 0L);
	}

}
