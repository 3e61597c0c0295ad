package com.rvssl.sandbox.api.admin;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.body;
import static com.rvssl.sandbox.DigicertOrders.placed;
import static com.rvssl.sandbox.DigicertOrders.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.rvssl.sandbox.Certificates;
import com.rvssl.sandbox.SandboxCaTest;

@SandboxCaTest
class SandboxAdminTests {

	@Autowired
	WebTestClient client;

	@Test
	void anOvOrderStaysPendingUntilTheSandboxAdvancesItThroughCallAndReviewAndIsThenIssued() {
		long id = placed(this.client, "ssl_basic",
				body("ov.example.com", List.of(), csr(rsa2048(), "ov.example.com"), "ref-ov"));
		// well past the test DV delay of 0.5 s: an OV order must not approve itself
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> status(this.client, id).equals("pending"));

		for (String step : List.of("verification_call_pending", "under_review")) {
			this.client.post()
				.uri("/sandbox/orders/{id}/advance", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("pending")
				.jsonPath("$.step")
				.isEqualTo(step);
		}
		this.client.post()
			.uri("/sandbox/orders/{id}/advance", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("issued")
			.jsonPath("$.step")
			.doesNotExist();
		assertThat(status(this.client, id)).isEqualTo("issued");
		this.client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/pem_all", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void anOrderAdvancedToRejectedIsRejectedWithTheGivenReason() {
		long id = placed(this.client, "ssl_ev_basic",
				body("ev.example.com", List.of(), csr(rsa2048(), "ev.example.com"), "ref-ev"));
		this.client.post()
			.uri("/sandbox/orders/{id}/advance", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", "rejected", "reason", "Organization could not be verified"))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/services/v2/order/certificate/{id}", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("rejected")
			.jsonPath("$.rejection_reason")
			.isEqualTo("Organization could not be verified")
			.jsonPath("$.product.type")
			.isEqualTo("ev_ssl_certificate");
	}

	@Test
	void theOrderListShowsTheOrdersSubmittedWithAReference() {
		String reference = "order-" + UUID.randomUUID();
		long first = placed(this.client, "ssl_basic",
				body("list.example.com", List.of(), csr(rsa2048(), "list.example.com"), reference));
		long second = placed(this.client, "ssl_dv_geotrust",
				body("list.example.com", List.of(), csr(rsa2048(), "list.example.com"), reference));
		placed(this.client, "ssl_basic",
				body("other.example.com", List.of(), csr(rsa2048(), "other.example.com"), "someone-else"));

		this.client.get()
			.uri("/sandbox/orders?reference={reference}", reference)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[0].api")
			.isEqualTo("digicert")
			.jsonPath("$[0].caOrderId")
			.isEqualTo(Long.toString(first))
			.jsonPath("$[0].reference")
			.isEqualTo(reference)
			.jsonPath("$[0].product")
			.isEqualTo("ssl_basic")
			.jsonPath("$[0].status")
			.isEqualTo("pending")
			.jsonPath("$[0].createdAt")
			.isNotEmpty()
			.jsonPath("$[1].caOrderId")
			.isEqualTo(Long.toString(second));
	}

	@Test
	void advancingAnUnknownOrderIsNotFound() {
		this.client.post()
			.uri("/sandbox/orders/{id}/advance", 42)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theRootsListTheSelfSignedRootFirstAndThenTheIntermediate() throws Exception {
		String pem = this.client.get()
			.uri("/sandbox/roots")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<X509Certificate> certificates = Certificates.readPem(pem);
		assertThat(certificates).hasSize(2);
		X509Certificate root = certificates.get(0);
		assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=RVssl Sandbox Root CA,O=RVssl Sandbox");
		assertThat(root.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
		root.verify(root.getPublicKey());
		assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
		X509Certificate intermediate = certificates.get(1);
		assertThat(intermediate.getSubjectX500Principal().getName())
			.isEqualTo("CN=RVssl Sandbox DV/OV Intermediate CA,O=RVssl Sandbox");
		assertThat(intermediate.getBasicConstraints()).isZero();
		intermediate.verify(root.getPublicKey());
	}

	@Test
	void anInvalidFaultIsRefusedWithTheFieldsAtFault() {
		this.client.post()
			.uri("/sandbox/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("api", "verisign", "durationSeconds", 5))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'api')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'mode')]")
			.exists();
	}

}
