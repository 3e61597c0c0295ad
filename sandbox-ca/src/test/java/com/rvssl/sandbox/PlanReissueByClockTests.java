package com.rvssl.sandbox;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.rvssl.sandbox.authority.BaselineRequirements;

/**
 * Two-year plans through both APIs, with the sandbox's clock moved forward through
 * {@code POST /sandbox/clock/advance}: the reissue after 2027-03-15 must validate its
 * domain again, is issued by the CA's own clock and pushed; after the plan's end a
 * reissue is refused. The clock starts at the real date (a 24-month plan from late 2026
 * spans 2027-03-15) and each test moves it by years, which would disturb any test after
 * it in the same context: each leaves its context dirty.
 */
@SandboxCaTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class PlanReissueByClockTests {

	private static final Duration DAY_133 = Duration.ofDays(133);

	@Autowired
	WebTestClient client;

	private HttpServer receiver;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private Long webhookId;

	@BeforeEach
	void receive() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/", (exchange) -> {
			this.received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiving() {
		if (this.webhookId != null) {
			this.client.delete()
				.uri("/services/v2/webhook/{id}", this.webhookId)
				.header("X-DC-DEVKEY", DEV_KEY)
				.exchange()
				.expectStatus()
				.isNoContent();
		}
		this.receiver.stop(0);
	}

	@Test
	void aDigicertTwoYearPlanIsRevalidatedByItsDnsProofAfterMarch2027AndRefusesReissuesAfterItsEnd() {
		registerWebhook();
		String domain = "plan-dc.example.com";
		KeyPair key = rsa2048();
		long id = placed(this.client, "ssl_dv_rapidssl",
				Map.of("certificate", Map.of("common_name", domain, "csr", csr(key, domain)), "order_validity",
						Map.of("years", 2), "dcv_method", "dns-txt-token", "comments", "ref-plan-dc"));
		this.client.put()
			.uri("/sandbox/dns")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					Map.of("name", "_dnsauth." + domain, "type", "TXT", "value", details(id).get("dcv_random_value")))
			.exchange()
			.expectStatus()
			.isNoContent();
		await().atMost(Duration.ofSeconds(20)).until(() -> "issued".equals(admin(id).get("status")));

		Map<?, ?> first = certificates(id).get(0);
		Instant firstNotBefore = Instant.parse((String) first.get("notBefore"));
		Instant planEnd = firstNotBefore.atZone(ZoneOffset.UTC).plusMonths(24).toInstant();
		assertThat(Instant.parse((String) admin(id).get("planEnd"))).isEqualTo(planEnd);
		assertThat(Duration.between(firstNotBefore, Instant.parse((String) first.get("notAfter"))))
			.isEqualTo(BaselineRequirements.longestValidity(firstNotBefore));
		Map<?, ?> details = details(id);
		assertThat(details.get("order_valid_till")).isEqualTo(day(planEnd));
		assertThat(((Map<?, ?>) details.get("certificate")).get("valid_till"))
			.isEqualTo(day(Instant.parse((String) first.get("notAfter"))));

		// day 133: after 2027-03-15, where a domain validation is reused for 100 days
		// only
		Instant reissueAt = advanceClockTo(firstNotBefore.plus(DAY_133));
		assertThat(reissueAt).isAfterOrEqualTo(Instant.parse("2027-03-15T00:00:00Z"));
		this.client.post()
			.uri("/services/v2/order/certificate/{id}/reissue", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificate", Map.of("common_name", domain, "csr", csr(key, domain))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.requests[0].status")
			.isEqualTo("pending");
		assertThat(admin(id)).containsEntry("status", "pending").containsEntry("step", "domain_control");
		// the last certificate stays valid, and downloadable, meanwhile
		this.client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/default_pem", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk();

		// nobody reads the order: the CA's periodic check finds the record still there,
		// issues and pushes
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.received).filteredOn((body) -> body.contains("\"order_id\":" + id))
				.map((body) -> field(body, "event") + "/" + field(body, "status"))
				.containsExactly("certificate_issued/issued", "order_status_changed/reissue_pending",
						"certificate_issued/issued"));
		List<Map<?, ?>> certificates = certificates(id);
		assertThat(certificates).hasSize(2);
		Instant secondNotBefore = Instant.parse((String) certificates.get(1).get("notBefore"));
		Instant secondNotAfter = Instant.parse((String) certificates.get(1).get("notAfter"));
		assertThat(secondNotBefore).as("no gap").isBefore(Instant.parse((String) first.get("notAfter")));
		assertThat(Duration.between(secondNotBefore, secondNotAfter)).isLessThanOrEqualTo(Duration.ofDays(99));
		assertThat(Instant.parse((String) ((Map<?, ?>) admin(id).get("domainsValidatedAt")).get(domain)))
			.isAfterOrEqualTo(reissueAt);
		assertThat(details(id).get("order_valid_till")).isEqualTo(day(planEnd));

		advanceClockTo(planEnd.plusSeconds(1));
		this.client.post()
			.uri("/services/v2/order/certificate/{id}/reissue", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificate", Map.of("common_name", domain, "csr", csr(key, domain))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("order_expired");
		assertThat(certificates(id)).hasSize(2);
	}

	@Test
	void aSectigoTwoYearSubscriptionAsksTheApproverAgainAfterMarch2027AndRefusesAReplaceAfterItsEnd() {
		this.client.put()
			.uri("/sandbox/sectigo/push-url")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("loginName", "sandbox-reseller", "url", url("/ca-push/sectigo")))
			.exchange()
			.expectStatus()
			.isNoContent();
		String domain = "plan-sg.example.com";
		KeyPair key = rsa2048();
		MultiValueMap<String, String> order = form();
		order.add("product", "287");
		order.add("days", "730");
		order.add("csr", csr(key, domain));
		order.add("dcvMethod", "EMAIL");
		order.add("dcvEmailAddress", "admin@" + domain);
		order.add("uniqueValue", "ref-plan-sg");
		String orderNumber = sectigo("!AutoApplySSL", order).get("orderNumber");
		String issued = "orderNumber=" + orderNumber + "&statusCode=6";
		// approve-after is 0.5 s in these tests: the CA approves by itself
		await().atMost(Duration.ofSeconds(20)).until(() -> this.received.contains(issued));

		Map<String, String> collected = collect(orderNumber);
		Instant notBefore = Instant.ofEpochSecond(Long.parseLong(collected.get("notBefore")));
		Instant subscriptionEnd = notBefore.atZone(ZoneOffset.UTC).plusMonths(24).toInstant();
		assertThat(collected).containsEntry("subscriptionNotAfter", Long.toString(subscriptionEnd.getEpochSecond()));

		advanceClockTo(notBefore.plus(DAY_133));
		MultiValueMap<String, String> replace = form();
		replace.add("orderNumber", orderNumber);
		replace.add("csr", csr(key, domain));
		assertThat(sectigo("!AutoReplaceSSL", replace)).containsEntry("errorCode", "0");
		// a new approval round: awaiting validation, then issued by auto-approval and
		// pushed
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.received).containsExactly(issued,
					"orderNumber=" + orderNumber + "&statusCode=2", issued));
		assertThat(certificates(Long.parseLong(orderNumber))).hasSize(2);

		advanceClockTo(subscriptionEnd.plusSeconds(1));
		assertThat(sectigo("!AutoReplaceSSL", replace)).containsEntry("errorCode", "-4")
			.containsEntry("errorItem", "orderNumber");
	}

	private void registerWebhook() {
		Map<?, ?> created = this.client.post()
			.uri("/services/v2/webhook")
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("endpoint", url("/ca-push/digicert"), "secret", "plan-secret", "events",
					List.of("certificate_issued", "order_status_changed")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.webhookId = ((Number) created.get("id")).longValue();
	}

	/** Moves the sandbox's clock forward to {@code at} (if it is not past it already). */
	private Instant advanceClockTo(Instant at) {
		Instant now = Instant.parse((String) this.client.get()
			.uri("/sandbox/clock")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("now"));
		Duration by = Duration.between(now, at);
		if (!by.isNegative()) {
			this.client.post()
				.uri("/sandbox/clock/advance")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("by", by.toString()))
				.exchange()
				.expectStatus()
				.isOk();
		}
		return at;
	}

	private Map<?, ?> details(long id) {
		return DigicertOrders.details(this.client, id);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> admin(long id) {
		return this.client.get()
			.uri("/sandbox/orders/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<Map<?, ?>> certificates(long id) {
		return (List<Map<?, ?>>) admin(id).get("certificates");
	}

	private Map<String, String> collect(String orderNumber) {
		MultiValueMap<String, String> status = form();
		status.add("orderNumber", orderNumber);
		status.add("queryType", "0");
		return sectigo("download/CollectSSL", status);
	}

	private Map<String, String> sectigo(String operation, MultiValueMap<String, String> form) {
		String reply = this.client.post()
			.uri("/products/" + operation)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, String> values = new java.util.LinkedHashMap<>();
		reply.lines()
			.filter((line) -> line.contains("="))
			.forEach((line) -> values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
		return values;
	}

	private static MultiValueMap<String, String> form() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("loginName", "sandbox-reseller");
		form.add("loginPassword", "sandbox-password");
		return form;
	}

	/** A string field of a webhook's JSON body, wherever it stands. */
	private static String field(String json, String name) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([a-z_]+)\"")
			.matcher(json);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path;
	}

}
