package com.rvssl.sandbox.validation;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.placed;
import static com.rvssl.sandbox.DigicertOrders.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.rvssl.sandbox.DigicertOrders;
import com.rvssl.sandbox.SandboxCaTest;

/**
 * Domain control by HTTP file and DNS record, checked through the test network the admin
 * API sets, and the OV/EV steps as both APIs show them. The HTTP proofs are served by a
 * loopback server of the test; the expected file names and contents are computed here
 * from CA-APIS.md's rules, not read back from the sandbox.
 */
@SandboxCaTest
class ValidationFlowTests {

	@Autowired
	WebTestClient client;

	private HttpServer web;

	private final Map<String, String> files = new ConcurrentHashMap<>();

	@BeforeEach
	void serveFiles() throws IOException {
		this.web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.web.createContext("/", (exchange) -> {
			String body = this.files.get(exchange.getRequestURI().getPath());
			byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.sendResponseHeaders((body != null) ? 200 : 404, (bytes.length > 0) ? bytes.length : -1);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
		});
		this.web.start();
	}

	@AfterEach
	void stopServing() {
		this.web.stop(0);
	}

	@Test
	void aDigicertHttpTokenOrderIsIssuedOnceFileauthTxtServesTheRandomValue() {
		String domain = "http-dc.example.com";
		Map<String, Object> body = dvBody(domain, "http-token", "ref-http-dc");
		Map<?, ?> created = DigicertOrders.order(this.client, "ssl_dv_geotrust", body)
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		String token = (String) created.get("dcv_random_value");
		route(domain);

		this.client.put()
			.uri("/services/v2/order/certificate/{id}/check-dcv", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("file_random_value_not_found")
			.jsonPath("$.errors[0].message")
			.isNotEmpty();
		Map<?, ?> details = details(id);
		assertThat(details.get("status")).isEqualTo("pending");
		assertThat(details.get("validation_step")).isEqualTo("domain_control");
		assertThat(details.get("dcv_random_value")).isEqualTo(token);

		this.files.put("/.well-known/pki-validation/fileauth.txt", token + "\n");
		this.client.put()
			.uri("/services/v2/order/certificate/{id}/check-dcv", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.order_status")
			.isEqualTo("issued")
			.jsonPath("$.dcv_status")
			.isEqualTo("complete")
			.jsonPath("$.certificate_id")
			.isNumber();
		assertThat(details(id).get("validation_step")).isNull();
	}

	@Test
	void aDigicertOrderSwitchedFromEmailToDnsTxtIsIssuedByTheStatusCallOnceTheRecordExists() {
		String domain = "dns-dc.example.com";
		long id = placed(this.client, "ssl_dv_rapidssl", dvBody(domain, "email", "ref-dns-dc"));
		Map<?, ?> changed = this.client.put()
			.uri("/services/v2/order/certificate/{id}/dcv-method", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("dcv_method", "dns-txt-token"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(changed.get("dcv_method")).isEqualTo("dns-txt-token");
		String token = (String) changed.get("dcv_random_value");
		assertThat(token).isNotBlank();
		// the email deadline of the test set-up (0.5 s) no longer applies: it waits for
		// the record
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.until(() -> status(this.client, id).equals("pending"));

		this.client.put()
			.uri("/sandbox/dns")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "_dnsauth." + domain, "type", "TXT", "value", token))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(status(this.client, id)).isEqualTo("issued");
	}

	@Test
	void anUnknownDcvMethodIsRefusedInDigicertsErrorShape() {
		long id = placed(this.client, "ssl_dv_geotrust", dvBody("bad-method.example.com", "http-token", "ref-bad-m"));
		this.client.put()
			.uri("/services/v2/order/certificate/{id}/dcv-method", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("dcv_method", "carrier-pigeon"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid_dcv_method");
	}

	@Test
	void aSectigoHttpCsrHashOrderIsIssuedOnceTheMd5NamedFileHoldsTheSha256SectigoAndTheUniqueValue() throws Exception {
		String domain = "http-sg.example.com";
		String csr = csr(rsa2048(), domain);
		MultiValueMap<String, String> form = sectigoOrder(csr, "HTTP_CSR_HASH", "ref-http-sg");
		Map<String, String> placed = reply("!AutoApplySSL", form);
		assertThat(placed.get("errorCode")).isEqualTo("0");
		String orderNumber = placed.get("orderNumber");
		route(domain);

		byte[] der = Base64.getDecoder().decode(csr.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
		String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(der)).toUpperCase(Locale.ROOT);
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(der))
			.toUpperCase(Locale.ROOT);
		Map<String, String> pending = reply("download/CollectSSL", collect(orderNumber));
		assertThat(pending).containsEntry("errorCode", "0")
			.containsEntry("statusCode", "2")
			.containsEntry("dcvMethod", "HTTP_CSR_HASH")
			.containsEntry("dcvStatus", "Awaiting Validation")
			.containsEntry("organizationValidationStatus", "Not Applicable");

		this.files.put("/.well-known/pki-validation/" + md5 + ".txt", sha256 + "\nsectigo.com\nref-http-sg\n");
		Map<String, String> issued = reply("download/CollectSSL", collect(orderNumber));
		assertThat(issued).containsEntry("errorCode", "1")
			.containsEntry("statusCode", "6")
			.containsEntry("dcvStatus", "Validated");
	}

	@Test
	void aSectigoOvOrderShowsDocumentsThenCallBackThenReviewInItsExtendedStatus() {
		String domain = "ov-sg.example.com";
		MultiValueMap<String, String> form = sectigoOrder(csr(rsa2048(), domain), "EMAIL", "ref-ov-sg");
		form.set("product", ovProduct());
		form.add("organizationName", "Example Ltd");
		String orderNumber = reply("!AutoApplySSL", form).get("orderNumber");

		assertThat(reply("download/CollectSSL", collect(orderNumber))).containsEntry("statusCode", "12")
			.containsEntry("organizationValidationStatus", "Awaiting Documents")
			.containsEntry("ovCallBackStatus", "Not Started");
		advance(orderNumber);
		assertThat(reply("download/CollectSSL", collect(orderNumber)))
			.containsEntry("organizationValidationStatus", "Documents Received")
			.containsEntry("ovCallBackStatus", "Pending");
		advance(orderNumber);
		assertThat(reply("download/CollectSSL", collect(orderNumber)))
			.containsEntry("organizationValidationStatus", "Under Review")
			.containsEntry("ovCallBackStatus", "Completed");
		advance(orderNumber);
		assertThat(reply("download/CollectSSL", collect(orderNumber))).containsEntry("statusCode", "6");
	}

	@Test
	void autoUpdateDcvChangesTheMethodAndRefusesAnUnknownOneWithMinusFour() {
		String domain = "update-sg.example.com";
		String orderNumber = reply("!AutoApplySSL", sectigoOrder(csr(rsa2048(), domain), "HTTP_CSR_HASH", "ref-upd-sg"))
			.get("orderNumber");
		MultiValueMap<String, String> bad = login();
		bad.add("orderNumber", orderNumber);
		bad.add("newMethod", "FAX");
		assertThat(reply("!AutoUpdateDCV", bad)).containsEntry("errorCode", "-4")
			.containsEntry("errorItem", "newMethod");

		MultiValueMap<String, String> update = login();
		update.add("orderNumber", orderNumber);
		update.add("domainName", domain);
		update.add("newMethod", "CNAME_CSR_HASH");
		assertThat(reply("!AutoUpdateDCV", update)).containsEntry("errorCode", "0");
		assertThat(reply("download/CollectSSL", collect(orderNumber))).containsEntry("dcvMethod", "CNAME_CSR_HASH");
	}

	@Test
	void theAdminOrderViewListsWhatEachDomainMustShow() {
		String domain = "proofs.example.com";
		long id = placed(this.client, "ssl_dv_geotrust", dvBody(domain, "dns-cname-token", "ref-proofs"));
		this.client.get()
			.uri("/sandbox/orders/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.step")
			.isEqualTo("domain_control")
			.jsonPath("$.dcv[0].method")
			.isEqualTo("DNS_CNAME")
			.jsonPath("$.dcv[0].value")
			.isEqualTo("dcv.digicert.com");
	}

	@Test
	void badTestNetworkAndClockInputsAreProblemsAndChangeNothing() {
		this.client.put()
			.uri("/sandbox/resolver")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("domain", "x.example.com", "address", "no port"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("address");
		this.client.get()
			.uri("/sandbox/resolver")
			.exchange()
			.expectBody()
			.jsonPath("$['x.example.com']")
			.doesNotExist();
		this.client.put()
			.uri("/sandbox/dns")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "x.example.com", "type", "MX", "value", "mail"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.post()
			.uri("/sandbox/clock/advance")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("by", "-P1D"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/sandbox/clock")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.now")
			.isNotEmpty();
	}

	private void route(String domain) {
		this.client.put()
			.uri("/sandbox/resolver")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("domain", domain, "address", "127.0.0.1:" + this.web.getAddress().getPort()))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private void advance(String caOrderId) {
		this.client.post().uri("/sandbox/orders/{id}/advance", caOrderId).exchange().expectStatus().isOk();
	}

	private Map<?, ?> details(long id) {
		return this.client.get()
			.uri("/services/v2/order/certificate/{id}", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Object> dvBody(String domain, String method, String reference) {
		Map<String, Object> body = new HashMap<>(
				DigicertOrders.body(domain, List.of(), csr(rsa2048(), domain), reference));
		body.put("dcv_method", method);
		return body;
	}

	private static String ovProduct() {
		return "24";
	}

	private static MultiValueMap<String, String> sectigoOrder(String csr, String method, String reference) {
		MultiValueMap<String, String> form = login();
		form.add("product", "287");
		form.add("days", "365");
		form.add("csr", csr);
		form.add("serverSoftware", "-1");
		form.add("isCustomerValidated", "N");
		form.add("dcvMethod", method);
		if (method.equals("EMAIL")) {
			form.add("dcvEmailAddress", "admin@example.com");
		}
		form.add("uniqueValue", reference);
		form.add("test", "Y");
		return form;
	}

	private static MultiValueMap<String, String> collect(String orderNumber) {
		MultiValueMap<String, String> form = login();
		form.add("orderNumber", orderNumber);
		form.add("queryType", "0");
		form.add("showExtStatus", "Y");
		return form;
	}

	private static MultiValueMap<String, String> login() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("loginName", "sandbox-reseller");
		form.add("loginPassword", "sandbox-password");
		return form;
	}

	private Map<String, String> reply(String operation, MultiValueMap<String, String> form) {
		String body = this.client.post()
			.uri("/products/" + operation)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, String> reply = new LinkedHashMap<>();
		for (String line : body.split("\n")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				reply.put(line.substring(0, equals), line.substring(equals + 1));
			}
		}
		return reply;
	}

}
