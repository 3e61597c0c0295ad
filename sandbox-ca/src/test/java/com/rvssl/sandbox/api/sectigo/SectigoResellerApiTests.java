package com.rvssl.sandbox.api.sectigo;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.ec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.rvssl.sandbox.Certificates;
import com.rvssl.sandbox.SandboxCaTest;

/** The Sectigo-style reseller API against the shapes CA-APIS.md publishes. */
@SandboxCaTest
class SectigoResellerApiTests {

	@Autowired
	WebTestClient client;

	@Test
	void aGetIsRefusedWithErrorCodeMinus17() {
		String body = this.client.get()
			.uri("/products/!AutoApplySSL")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).startsWith("errorCode=-17\n").contains("errorMessage=");
	}

	@Test
	void wrongCredentialsArePermissionDeniedAndMissingOnesAreMissingArguments() {
		MultiValueMap<String, String> form = form("abc", "wrong");
		form.add("domainName", "example.com");
		assertThat(reply("!GetDCVEmailAddressList", form)).containsEntry("errorCode", "-16");
		MultiValueMap<String, String> noLogin = new LinkedMultiValueMap<>();
		noLogin.add("domainName", "example.com");
		assertThat(reply("!GetDCVEmailAddressList", noLogin)).containsEntry("errorCode", "-3")
			.containsEntry("errorItem", "loginName");
	}

	@Test
	void anUnknownArgumentIsErrorCodeMinus2() {
		MultiValueMap<String, String> form = login();
		form.add("domainName", "example.com");
		form.add("colour", "blue");
		assertThat(reply("!GetDCVEmailAddressList", form)).containsEntry("errorCode", "-2")
			.containsEntry("errorItem", "colour");
	}

	@Test
	void aDvOrderIsAcceptedAndPaidThenIssuedAndCollectedWithItsChain() throws Exception {
		String reference = "ord-" + UUID.randomUUID();
		KeyPair key = ec("secp256r1");
		Map<String, String> applied = reply("!AutoApplySSL",
				order("287", "365", csr(key, "sectigo-dv.example.com"), reference));

		assertThat(applied.keySet()).first().isEqualTo("errorCode");
		assertThat(applied).containsEntry("errorCode", "0")
			.containsKeys("orderNumber", "certificateID", "totalCost", "expectedDeliveryTime")
			.containsEntry("totalCost", "10.00");
		String orderNumber = applied.get("orderNumber");
		this.client.get()
			.uri((uri) -> uri.path("/sandbox/orders").queryParam("reference", reference).build())
			.exchange()
			.expectBody()
			.jsonPath("$[0].api")
			.isEqualTo("sectigo")
			.jsonPath("$[0].caOrderId")
			.isEqualTo(orderNumber);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "1".equals(reply("download/CollectSSL", collect(orderNumber, "0")).get("errorCode")));
		Map<String, String> collected = reply("download/CollectSSL", collect(orderNumber, "2"));
		assertThat(collected).containsEntry("errorCode", "2")
			.containsEntry("certificateStatus", "Issued")
			.containsEntry("statusCode", "6")
			.containsKeys("notBefore", "notAfter", "certificate", "caCertificate1", "caCertificate2");
		X509Certificate leaf = Certificates.read(Base64.getDecoder().decode(collected.get("certificate"))).get(0);
		assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
		assertThat(leaf.getSubjectAlternativeNames().stream().map((name) -> String.valueOf(name.get(1))))
			.contains("sectigo-dv.example.com");
	}

	@Test
	void aRepeatedUniqueValueNamesTheExistingOrderInsteadOfOrderingAgain() {
		String reference = "ord-" + UUID.randomUUID();
		String csr = csr(ec("secp256r1"), "repeat.example.com");
		String first = reply("!AutoApplySSL", order("287", "365", csr, reference)).get("orderNumber");

		Map<String, String> again = reply("!AutoApplySSL", order("287", "365", csr, reference));

		assertThat(again).containsEntry("errorCode", "-4")
			.containsEntry("errorItem", "uniqueValue")
			.containsEntry("existingOrderNumber", first);
		this.client.get()
			.uri((uri) -> uri.path("/sandbox/orders").queryParam("reference", reference).build())
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void refusalsCarryTheDocumentedErrorCodes() {
		String csr = csr(ec("secp256r1"), "refused.example.com");
		assertThat(reply("!AutoApplySSL", order("287", "400", csr, null))).containsEntry("errorCode", "-115");
		assertThat(reply("!AutoApplySSL", order("999", "365", csr, null))).containsEntry("errorCode", "-4")
			.containsEntry("errorItem", "product");
		assertThat(reply("!AutoApplySSL", order("287", "365", "not a csr", null))).containsEntry("errorCode", "-4")
			.containsEntry("errorItem", "csr");
		String hugeKey = com.rvssl.kit.test.TestCertificates.csr(com.rvssl.kit.test.TestCertificates.rsaPublicKey(
				com.rvssl.kit.test.TestCertificates.fakeRsaModulus(16_384), java.math.BigInteger.valueOf(65537)),
				com.rvssl.kit.test.TestCertificates.rsa2048(), "huge.example.com");
		assertThat(reply("!AutoApplySSL", order("287", "365", hugeKey, null))).containsEntry("errorCode", "-4")
			.containsEntry("errorItem", "csr");
		MultiValueMap<String, String> noCsr = order("287", "365", csr, null);
		noCsr.remove("csr");
		assertThat(reply("!AutoApplySSL", noCsr)).containsEntry("errorCode", "-3").containsEntry("errorItem", "csr");
		assertThat(reply("download/CollectSSL", collect("123", "0"))).containsEntry("errorCode", "-4");
	}

	@Test
	void anOvOrderAwaitsBrandValidationAndTheDcvEmailCanBeResent() {
		MultiValueMap<String, String> form = order("24", "730", csr(ec("secp256r1"), "ov-sectigo.example.com"),
				"ord-" + UUID.randomUUID());
		form.add("organizationName", "Example Ltd");
		Map<String, String> applied = reply("!AutoApplySSL", form);
		assertThat(applied).containsEntry("errorCode", "0").containsEntry("totalCost", "100.00");
		String orderNumber = applied.get("orderNumber");

		assertThat(reply("download/CollectSSL", collect(orderNumber, "0"))).containsEntry("errorCode", "0")
			.containsEntry("certificateStatus", "Awaiting Validation")
			.containsEntry("statusCode", "12");
		MultiValueMap<String, String> resend = login();
		resend.add("orderNumber", orderNumber);
		assertThat(reply("!ResendDCVEmail", resend)).containsEntry("errorCode", "0");
	}

	@Test
	void anIssuedOrderIsReplacedOverANewCsrAndRevokedWithARefundOnlyOnce() throws Exception {
		String orderNumber = reply("!AutoApplySSL",
				order("287", "365", csr(ec("secp256r1"), "replace.example.com"), "ord-" + UUID.randomUUID()))
			.get("orderNumber");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "1".equals(reply("download/CollectSSL", collect(orderNumber, "0")).get("errorCode")));
		String firstSerial = reply("download/CollectSSL", collect(orderNumber, "0")).get("serialNumber");

		KeyPair newKey = ec("secp256r1");
		MultiValueMap<String, String> replace = login();
		replace.add("orderNumber", orderNumber);
		replace.add("csr", csr(newKey, "replace.example.com"));
		assertThat(reply("!AutoReplaceSSL", replace)).containsEntry("errorCode", "0");
		Map<String, String> replaced = reply("download/CollectSSL", collect(orderNumber, "1"));
		assertThat(replaced.get("serialNumber")).isNotEqualTo(firstSerial);
		X509Certificate leaf = Certificates.read(Base64.getDecoder().decode(replaced.get("certificate"))).get(0);
		assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(newKey.getPublic().getEncoded());

		MultiValueMap<String, String> revoke = login();
		revoke.add("orderNumber", orderNumber);
		assertThat(reply("!AutoRevokeSSL", revoke)).containsEntry("errorCode", "0").containsEntry("refunded", "Y");
		assertThat(reply("!AutoRevokeSSL", revoke)).containsEntry("errorCode", "-20");
		assertThat(reply("download/CollectSSL", collect(orderNumber, "0"))).containsEntry("certificateStatus",
				"Revoked");
	}

	@Test
	void theDcvEmailAddressesAreTheLevel2Mailboxes() {
		MultiValueMap<String, String> form = login();
		form.add("domainName", "www.mailboxes.example.com");
		String body = post("!GetDCVEmailAddressList", form);
		assertThat(body.lines().toList()).first().isEqualTo("errorCode=0");
		assertThat(body).contains("whois_email\tnone", "level2_email\tadmin@mailboxes.example.com",
				"level2_email\twebmaster@mailboxes.example.com");
	}

	@Test
	void responseFormat1AnswersOneUrlEncodedLine() {
		MultiValueMap<String, String> form = login();
		form.add("responseFormat", "1");
		form.add("orderNumber", "1");
		String body = post("download/CollectSSL", form);
		assertThat(body).startsWith("errorCode=-4&errorItem=orderNumber&errorMessage=").doesNotContain("\n");
	}

	private MultiValueMap<String, String> order(String product, String days, String csr, String reference) {
		MultiValueMap<String, String> form = login();
		form.add("product", product);
		form.add("days", days);
		form.add("csr", csr);
		form.add("serverSoftware", "-1");
		form.add("isCustomerValidated", "N");
		form.add("dcvMethod", "EMAIL");
		form.add("dcvEmailAddress", "admin@example.com");
		if (reference != null) {
			form.add("uniqueValue", reference);
		}
		form.add("test", "Y");
		return form;
	}

	private static MultiValueMap<String, String> collect(String orderNumber, String queryType) {
		MultiValueMap<String, String> form = login();
		form.add("orderNumber", orderNumber);
		form.add("queryType", queryType);
		form.add("responseType", "3");
		return form;
	}

	private static MultiValueMap<String, String> login() {
		return form("sandbox-reseller", "sandbox-password");
	}

	private static MultiValueMap<String, String> form(String name, String password) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("loginName", name);
		form.add("loginPassword", password);
		return form;
	}

	private String post(String operation, MultiValueMap<String, String> form) {
		return this.client.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.post()
			.uri("/products/" + operation)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The reply's key=value lines in order. */
	private Map<String, String> reply(String operation, MultiValueMap<String, String> form) {
		Map<String, String> reply = new LinkedHashMap<>();
		for (String line : post(operation, form).split("\n")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				reply.put(line.substring(0, equals), line.substring(equals + 1));
			}
		}
		return reply;
	}

}
