package com.rvssl.order.api;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.certificates.CertificateDownloads;
import com.rvssl.order.orders.Order;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An order's whole life as WHMCS and the other services see it, over HTTP and Kafka. */
class OrderLifecycleIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void aConfiguredDvOrderIsPlacedWaitsForPaymentAndEndsIssuedWithDownloads() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), domain);

		JsonNode placed = placeOrder(reseller, dvOrder(domain, csr)).expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/api/v1/orders/.+")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String orderId = placed.path("id").asString();
		assertThat(placed.path("state").asString()).isEqualTo("PLACED");
		assertThat(placed.path("resellerId").asString()).isEqualTo(reseller.id());
		assertThat(placed.path("price").path("wholesale").path("amount").asLong()).isEqualTo(900);

		OrderPlaced event = await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, OrderPlaced.class), (found) -> !found.isEmpty())
			.get(0);
		assertThat(event.csr()).isEqualTo(csr);
		assertThat(event.wholesale()).isEqualTo(Money.of(900, "USD"));
		assertThat(event.retail()).isEqualTo(Money.of(1999, "USD"));
		assertThat(event.caProduct()).isEqualTo("ssl_dv_rapidssl");
		assertThat(event.domains()).containsExactly(domain);
		EventEnvelope envelope = events().orderEvents(orderId).get(0);
		assertThat(envelope.correlationId()).isEqualTo(orderId);
		assertThat(envelope.resellerId()).isEqualTo(reseller.id());

		certificate(reseller, orderId, "pem").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		publish(orderId, reseller.id(), new CreditInsufficient(Money.of(900, "USD"), Money.of(250, "USD")));
		JsonNode waiting = awaitState(reseller, orderId, "WAITING_FOR_PAYMENT");
		assertThat(waiting.at("/views/client/status").asString()).isEqualTo("Waiting Submit Order");
		assertThat(waiting.at("/views/admin/status").asString()).isEqualTo("Waiting for Payment on RVglobalsoft.com");
		assertThat(waiting.at("/views/provider/status").asString()).isEqualTo("Waiting for Payment");
		assertThat(waiting.at("/views/admin/detail").asString()).contains("USD 6.50");

		publish(orderId, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(100, "USD")));
		awaitState(reseller, orderId, "PAID");
		publish(orderId, reseller.id(), new CertificateSubmitted(CertificateAuthority.DIGICERT, "DC-4711"));
		assertThat(awaitState(reseller, orderId, "SUBMITTED").path("caOrderId").asString()).isEqualTo("DC-4711");
		publish(orderId, reseller.id(),
				new CertificateValidationUpdated("pending", "approval email sent to admin@" + domain));
		assertThat(awaitState(reseller, orderId, "PENDING_VALIDATION").at("/views/admin/detail").asString())
			.contains("admin@" + domain);
		publish(orderId, reseller.id(),
				new CertificateValidationUpdated("pending", "Waiting for the DNS record", ValidationStage.DCV_PENDING,
						List.of(new DcvInstruction(DcvMethod.DNS, domain, "_dnsauth." + domain, "token-1"))));
		JsonNode byDns = await().atMost(Duration.ofMinutes(1))
			.until(() -> order(reseller, orderId),
					order -> "DCV_PENDING".equals(order.at("/validation/stage").asString(null)));
		assertThat(byDns.at("/validation/level").asString()).isEqualTo("DV");
		assertThat(byDns.at("/validation/dcv/0/method").asString()).isEqualTo("DNS");
		assertThat(byDns.at("/validation/dcv/0/target").asString()).isEqualTo("_dnsauth." + domain);
		assertThat(byDns.at("/validation/dcv/0/value").asString()).isEqualTo("token-1");
		assertThat(byDns.at("/validation/detail").asString()).isEqualTo("Waiting for the DNS record");
		assertThat(byDns.at("/views/client/detail").asString())
			.isEqualTo("Add the DNS record _dnsauth." + domain + " with the value token-1.");

		TestCertificates.Chain chain = TestCertificates.chainFor(domain);
		X509CertificateHolder leaf = chain.leaf();
		publish(orderId, reseller.id(),
				new CertificateIssued("DC-4711", leaf.getSerialNumber().toString(16), leaf.getNotBefore().toInstant(),
						leaf.getNotAfter().toInstant(), leaf.getIssuer().toString(), chain.pem()));
		JsonNode issued = awaitState(reseller, orderId, "ISSUED");
		assertThat(issued.at("/views/provider/status").asString()).isEqualTo("Complete");
		assertThat(issued.at("/views/client/status").asString()).isEqualTo("Issued");
		assertThat(issued.at("/certificate/serialNumber").asString()).isEqualTo(leaf.getSerialNumber().toString(16));
		assertThat(issued.at("/certificate/issuer").asString()).contains("RVssl Test Issuing CA");
		assertThat(issued.path("timeline")).hasSize(7);
		assertThat(issued.at("/validation/stage").isNull()).isTrue();
		assertThat(issued.at("/validation/dcv")).isEmpty();

		String pem = certificate(reseller, orderId, "pem").expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(CertificateDownloads.parse(pem)).containsExactlyElementsOf(chain.certificates());

		String bundle = certificate(reseller, orderId, "bundle").expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(CertificateDownloads.parse(bundle)).containsExactlyElementsOf(chain.certificates().subList(1, 3));

		String pkcs7 = certificate(reseller, orderId, "pkcs7").expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(pkcs7).startsWith("-----BEGIN PKCS7-----");
		assertThat(pkcs7Certificates(pkcs7)).containsExactlyInAnyOrderElementsOf(chain.certificates());

		http.post()
			.uri("/api/v1/orders/{id}/cancel", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aRedeliveredEventChangesNothingAndALateEventNeverMovesTheOrderBack() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = placeConfigured(reseller, domain);
		TestCertificates.Chain chain = TestCertificates.chainFor(domain);
		X509CertificateHolder leaf = chain.leaf();
		List<EventEnvelope> story = List.of(
				envelope(orderId, reseller, new CreditInsufficient(Money.of(900, "USD"), Money.of(0, "USD"))),
				envelope(orderId, reseller, new PaymentCaptured(Money.of(900, "USD"), Money.of(100, "USD"))),
				envelope(orderId, reseller, new CertificateSubmitted(CertificateAuthority.DIGICERT, "DC-1")),
				envelope(orderId, reseller, new CertificateValidationUpdated("pending", "email sent")),
				envelope(orderId, reseller, new CertificateIssued("DC-1", "abc", leaf.getNotBefore().toInstant(),
						leaf.getNotAfter().toInstant(), "CN=RVssl Test Issuing CA", chain.pem())));
		for (EventEnvelope event : story) {
			send(event);
			send(event);
		}
		JsonNode issued = awaitState(reseller, orderId, "ISSUED");
		assertThat(issued.path("timeline")).hasSize(6);

		story.forEach(this::send);
		EventEnvelope late = envelope(orderId, reseller, new CertificateValidationUpdated("pending", "too late"));
		send(late);
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> orders.findById(orderId)
				.map((order) -> order.hasApplied(late.eventId().toString()))
				.block(Duration.ofSeconds(5)));

		Order stored = orders.findById(orderId).block(Duration.ofSeconds(5));
		assertThat(stored.state().name()).isEqualTo("ISSUED");
		assertThat(stored.timeline()).hasSize(6);
		assertThat(stored.appliedEventIds()).hasSize(6).doesNotHaveDuplicates();
		assertThat(order(reseller, orderId).path("timeline")).hasSize(6);
	}

	@Test
	void cancellingAnOrderBillingHasAsksTheGatewayAndOnlyItsConfirmationCancels() {
		TestReseller reseller = registerReseller();
		String orderId = placeConfigured(reseller, uniqueDomain());
		publish(orderId, reseller.id(), new CreditInsufficient(Money.of(900, "USD"), Money.of(0, "USD")));
		awaitState(reseller, orderId, "WAITING_FOR_PAYMENT");

		JsonNode requested = cancel(reseller, orderId, "customer changed their mind");
		assertThat(requested.path("state").asString()).isEqualTo("WAITING_FOR_PAYMENT");
		assertThat(requested.at("/cancellation/status").asString()).isEqualTo("REQUESTED");
		assertThat(requested.at("/views/provider/detail").asString()).contains("Cancellation requested");
		OrderCancelled event = await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, OrderCancelled.class), (found) -> !found.isEmpty())
			.get(0);
		assertThat(event.refundable()).as("a request refunds nothing").isFalse();
		assertThat(event.reason()).isEqualTo("customer changed their mind");
		// asked again while the CA has not answered: the same order, no second request
		assertThat(cancel(reseller, orderId, "again").path("state").asString()).isEqualTo("WAITING_FOR_PAYMENT");

		publish(orderId, reseller.id(), new CertificateCancelled("Cancelled before it reached the CA", true, null));

		JsonNode cancelled = awaitState(reseller, orderId, "CANCELLED");
		assertThat(cancelled.at("/views/client/status").asString()).isEqualTo("Cancelled");
		assertThat(cancelled.at("/views/provider/detail").asString()).contains("customer changed their mind");
		assertThat(cancelled.at("/cancellation/status").asString()).isEqualTo("CONFIRMED");
		assertThat(events().of(orderId, OrderCancelled.class)).hasSize(1);
	}

	@Test
	void aCancelRacingWithIssuanceEndsIssuedAndSaysWhyTheCaRefused() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = placeConfigured(reseller, domain);
		publish(orderId, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(100, "USD")));
		publish(orderId, reseller.id(), new CertificateSubmitted(CertificateAuthority.DIGICERT, "DC-9"));
		publish(orderId, reseller.id(), new CertificateValidationUpdated("pending", "email sent"));
		awaitState(reseller, orderId, "PENDING_VALIDATION");

		cancel(reseller, orderId, "customer changed their mind");
		TestCertificates.Chain chain = TestCertificates.chainFor(domain);
		X509CertificateHolder leaf = chain.leaf();
		// the CA issued while the cancellation was on its way, and refuses it
		publish(orderId, reseller.id(), new CertificateIssued("DC-9", "abc", leaf.getNotBefore().toInstant(),
				leaf.getNotAfter().toInstant(), "CN=RVssl Test Issuing CA", chain.pem()));
		publish(orderId, reseller.id(), new CancellationRefused("The order is issued already", "DC-9"));

		JsonNode issued = await().atMost(20, TimeUnit.SECONDS)
			.until(() -> order(reseller, orderId),
					(order) -> "REFUSED".equals(order.at("/cancellation/status").asString()));
		assertThat(issued.path("state").asString()).isEqualTo("ISSUED");
		assertThat(issued.at("/cancellation/refusal").asString()).isEqualTo("The order is issued already");
		for (String view : List.of("client", "admin", "provider")) {
			assertThat(issued.at("/views/" + view + "/detail").asString())
				.contains("Cancellation refused: The order is issued already");
		}
		assertThat(issued.at("/views/provider/status").asString()).isEqualTo("Complete");
		assertThat(issued.path("timeline").toString()).contains("Cancellation refused: The order is issued already");
		certificate(reseller, orderId, "pem").expectStatus().isOk();
	}

	private JsonNode cancel(TestReseller reseller, String orderId, String reason) {
		return http.post()
			.uri("/api/v1/orders/{id}/cancel", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(Map.of("reason", reason)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void anOrderWithoutCsrAwaitsConfigurationAndIsPlacedOnceConfigured() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		Map<String, Object> body = new java.util.LinkedHashMap<>(dvOrder(domain, null));
		body.remove("dcv");
		JsonNode created = placeOrder(reseller, body).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String orderId = created.path("id").asString();
		assertThat(created.path("state").asString()).isEqualTo("AWAITING_CONFIGURATION");
		assertThat(created.at("/views/client/status").asString()).isEqualTo("Awaiting Configuration");

		String csr = TestCertificates.csr(TestCertificates.rsa2048(), domain);
		http.put()
			.uri("/api/v1/orders/{id}/configuration", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(Map.of("csr", csr, "dcv", Map.of("method", "DNS"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PLACED");

		List<OrderPlaced> placed = await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, OrderPlaced.class), (found) -> !found.isEmpty());
		assertThat(placed).hasSize(1);
		assertThat(placed.get(0).csr()).isEqualTo(csr);
		assertThat(events().orderEvents(orderId)).hasSize(1);

		http.put()
			.uri("/api/v1/orders/{id}/configuration", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(Map.of("csr", csr, "dcv", Map.of("method", "DNS"))))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	private String placeConfigured(TestReseller reseller, String domain) {
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), domain);
		return placeOrder(reseller, dvOrder(domain, csr)).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("id")
			.asString();
	}

	private static EventEnvelope envelope(String orderId, TestReseller reseller,
			com.rvssl.contracts.events.OrderEvent event) {
		return EventEnvelope.of(orderId, reseller.id(), orderId, event);
	}

	private JsonNode awaitState(TestReseller reseller, String orderId, String state) {
		return await().atMost(20, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> order(reseller, orderId), (order) -> state.equals(order.path("state").asString()));
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec certificate(TestReseller reseller,
			String orderId, String format) {
		return http.get()
			.uri("/api/v1/orders/{id}/certificate?format={format}", orderId, format)
			.header("Authorization", "Bearer " + reseller.key())
			.exchange();
	}

	private static List<X509CertificateHolder> pkcs7Certificates(String pem) throws RuntimeException {
		String base64 = pem.replace("-----BEGIN PKCS7-----", "")
			.replace("-----END PKCS7-----", "")
			.replaceAll("\\s", "");
		try {
			return List
				.copyOf(new CMSSignedData(Base64.getDecoder().decode(base64)).getCertificates().getMatches(null));
		}
		catch (org.bouncycastle.cms.CMSException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
