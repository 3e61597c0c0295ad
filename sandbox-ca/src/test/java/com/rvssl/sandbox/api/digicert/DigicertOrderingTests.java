package com.rvssl.sandbox.api.digicert;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.ec;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.body;
import static com.rvssl.sandbox.DigicertOrders.order;
import static com.rvssl.sandbox.DigicertOrders.placed;
import static com.rvssl.sandbox.DigicertOrders.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.rvssl.sandbox.Certificates;
import com.rvssl.sandbox.SandboxCaTest;
import com.rvssl.sandbox.authority.BaselineRequirements;

@SandboxCaTest
class DigicertOrderingTests {

	@Autowired
	WebTestClient client;

	@Test
	void anRsaDvOrderIsPendingThenIssuedWithTheCsrsKeyAndNamesUnderTheSandboxRoot() throws Exception {
		dvOrderIsIssuedAndChainsToTheRoot(rsa2048(), "rsa.example.com");
	}

	@Test
	void anEcP256DvOrderIsPendingThenIssuedWithTheCsrsKeyAndNamesUnderTheSandboxRoot() throws Exception {
		dvOrderIsIssuedAndChainsToTheRoot(ec("secp256r1"), "ec.example.net");
	}

	private void dvOrderIsIssuedAndChainsToTheRoot(KeyPair key, String commonName) throws Exception {
		String reference = UUID.randomUUID().toString();
		Map<?, ?> created = order(this.client, "ssl_dv_rapidssl", body(commonName,
				List.of("www." + commonName, commonName.toUpperCase()), csr(key, commonName), reference))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		assertThat(created.get("certificate_id")).isInstanceOf(Number.class);
		assertThat((List<?>) created.get("requests")).singleElement()
			.satisfies((request) -> assertThat(((Map<?, ?>) request).get("status")).isEqualTo("approved"));
		assertThat(((List<?>) created.get("domains")).stream()
			.map((domain) -> String.valueOf(((Map<?, ?>) domain).get("name")))
			.toList()).containsExactly(commonName, "www." + commonName);
		assertThat((String) created.get("dcv_random_value")).isNotBlank();

		assertThat(status(this.client, id)).isEqualTo("pending");
		await().atMost(Duration.ofSeconds(10)).until(() -> status(this.client, id).equals("issued"));

		String pem = download(id, "pem_all");
		List<X509Certificate> chain = Certificates.readPem(pem);
		assertThat(chain).hasSize(3);
		X509Certificate leaf = chain.get(0);
		assertThat(leaf.getPublicKey()).isEqualTo(key.getPublic());
		assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=" + commonName);
		assertThat(leaf.getSubjectAlternativeNames().stream().map((name) -> String.valueOf(name.get(1))).toList())
			.containsExactly(commonName, "www." + commonName);
		assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
		assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
		assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
		assertThat(leaf.getKeyUsage()[2]).as("keyEncipherment").isTrue();
		assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withRSA");
		assertThat(leaf.getSerialNumber().signum()).isPositive();

		X509Certificate root = Certificates.readPem(roots()).get(0);
		assertThat(chain.get(2)).isEqualTo(root);
		Certificates.validate(chain.subList(0, 2), root);

		Map<?, ?> details = details(id);
		Map<?, ?> certificate = (Map<?, ?>) details.get("certificate");
		assertThat(certificate.get("serial_number")).isEqualTo(leaf.getSerialNumber().toString(16));
		assertThat(certificate.get("valid_from"))
			.isEqualTo(LocalDate.ofInstant(leaf.getNotBefore().toInstant(), ZoneOffset.UTC).toString());
		assertThat(certificate.get("valid_till"))
			.isEqualTo(LocalDate.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC).toString());
		// one certificate of the plan, as long as the Baseline Requirements of its day
		// allow
		java.time.Instant notBefore = leaf.getNotBefore().toInstant();
		long longest = BaselineRequirements.longestValidity(notBefore).toDays();
		assertThat(Duration.between(notBefore, leaf.getNotAfter().toInstant())).hasDays(longest);
		assertThat(((Number) certificate.get("days_remaining")).intValue()).isBetween((int) longest - 1, (int) longest);
		assertThat(details.get("order_valid_till"))
			.isEqualTo(LocalDate.ofInstant(notBefore.atZone(ZoneOffset.UTC).plusMonths(12).toInstant(), ZoneOffset.UTC)
				.toString());
		assertThat(details.get("comments")).isEqualTo(reference);
		assertThat(((Map<?, ?>) details.get("product")).get("type")).isEqualTo("dv_ssl_certificate");
	}

	@Test
	void theChainDownloadsAsPkcs7WithThreeCertificatesAndTheLeafAloneAsPemAndDer() {
		long id = issuedDvOrder("formats.example.org");
		byte[] p7b = this.client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/p7b", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/x-pkcs7-certificates")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		List<X509Certificate> fromPkcs7 = Certificates.read(p7b);
		assertThat(fromPkcs7).hasSize(3);
		assertThat(fromPkcs7).extracting((certificate) -> certificate.getSubjectX500Principal().getName())
			.contains("CN=formats.example.org", "CN=RVssl Sandbox Root CA,O=RVssl Sandbox");

		List<X509Certificate> leafOnly = Certificates.readPem(download(id, "default_pem"));
		assertThat(leafOnly).hasSize(1);
		byte[] der = this.client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/cer", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(Certificates.read(der)).containsExactly(leafOnly.get(0));
	}

	@Test
	void aCertificateCannotBeDownloadedBeforeItIsIssued() {
		long id = placed(this.client, "ssl_basic",
				body("early.example.com", List.of(), csr(rsa2048(), "early.example.com"), "ref-early"));
		this.client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/pem_all", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("cert_unavailable_for_download");
	}

	@Test
	void aWrongOrMissingApiKeyIsRefusedWith401() {
		this.client.get()
			.uri("/services/v2/order/certificate")
			.header("X-DC-DEVKEY", "not-the-key")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid_api_key");
		this.client.get()
			.uri("/services/v2/order/certificate")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isNotEmpty();
	}

	@Test
	void textThatIsNotACsrIsRefusedAsInvalidCsr() {
		order(this.client, "ssl_dv_geotrust", body("bad.example.com", List.of(),
				"-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgY3Ny\n-----END CERTIFICATE REQUEST-----\n", "ref-bad"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid_csr");
	}

	@Test
	void aCsrWhoseSignatureDoesNotVerifyIsRefusedAsInvalidCsr() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair claimed = generator.generateKeyPair();
		KeyPair signer = generator.generateKeyPair();
		var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=forged.example.com"), claimed.getPublic())
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate()));
		java.io.StringWriter pem = new java.io.StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(csr);
		}
		order(this.client, "ssl_dv_geotrust", body("forged.example.com", List.of(), pem.toString(), "ref-forged"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid_csr");
	}

	@Test
	void aHugeRsaKeyIsRefusedAsInvalidCsrForItsSizeBeforeItsSignatureIsChecked() {
		String csr = com.rvssl.kit.test.TestCertificates.csr(com.rvssl.kit.test.TestCertificates.rsaPublicKey(
				com.rvssl.kit.test.TestCertificates.fakeRsaModulus(16_384), java.math.BigInteger.valueOf(65537)),
				rsa2048(), "huge.example.com");
		order(this.client, "ssl_dv_geotrust", body("huge.example.com", List.of(), csr, "ref-huge")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid_csr")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("16384 bits"));
	}

	@Test
	void anUnknownProductIsRefusedAsInvalidProduct() {
		order(this.client, "ssl_platinum_unicorn",
				body("x.example.com", List.of(), csr(rsa2048(), "x.example.com"), "ref-unknown"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid_product");
	}

	@Test
	void anOrderWithoutCommonNameIsRefusedAsBadRequestFormat() {
		Map<String, Object> body = new HashMap<>(
				body("x.example.com", List.of(), csr(rsa2048(), "x.example.com"), "ref-no-cn"));
		body.put("certificate", Map.of("csr", csr(rsa2048(), "x.example.com")));
		order(this.client, "ssl_dv_geotrust", body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("bad_request_format");
	}

	@Test
	void anIssuedOrderIsReissuedOverANewCsrAndTheDownloadIsTheNewKeysCertificate() {
		long id = placed(this.client, "ssl_dv_rapidssl", body("reissued.example.com", List.of(),
				csr(ec("secp256r1"), "reissued.example.com"), "ref-reissue-" + UUID.randomUUID()));
		await().atMost(Duration.ofSeconds(10)).until(() -> status(this.client, id).equals("issued"));
		KeyPair newKey = ec("secp256r1");

		this.client.post()
			.uri("/services/v2/order/certificate/{id}/reissue", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificate",
					Map.of("common_name", "reissued.example.com", "csr", csr(newKey, "reissued.example.com"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.requests[0].status")
			.isEqualTo("approved");

		byte[] pem = this.client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/default_pem", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		X509Certificate leaf = Certificates.readPem(new String(pem, StandardCharsets.US_ASCII)).get(0);
		assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(newKey.getPublic().getEncoded());
		assertThat(status(this.client, id)).isEqualTo("issued");
	}

	@Test
	void aReissueWithoutACsrIsABadRequestFormat() {
		long id = placed(this.client, "ssl_basic", body("noreissue.example.com", List.of(),
				csr(ec("secp256r1"), "noreissue.example.com"), "ref-noreissue"));
		this.client.post()
			.uri("/services/v2/order/certificate/{id}/reissue", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificate", Map.of("common_name", "noreissue.example.com")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("bad_request_format");
	}

	@Test
	void anUnknownOrderIsNotFound() {
		this.client.get()
			.uri("/services/v2/order/certificate/{id}", 999_999_999L)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("not_found|order");
	}

	@Test
	void theSearchFindsAnOrderByItsCommentsByItsCommonNameAndByItsId() {
		String reference = "lost-" + UUID.randomUUID();
		long id = placed(this.client, "ssl_basic",
				body("searchable-7f3.example.com", List.of(), csr(rsa2048(), "searchable-7f3.example.com"), reference));
		for (String text : List.of(reference, "searchable-7f3", Long.toString(id))) {
			this.client.get()
				.uri((uri) -> uri.path("/services/v2/order/certificate")
					.queryParam("filters[search]", "{text}")
					.build(text))
				.header("X-DC-DEVKEY", DEV_KEY)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.orders.length()")
				.isEqualTo(1)
				.jsonPath("$.orders[0].id")
				.isEqualTo(id)
				.jsonPath("$.orders[0].comments")
				.isEqualTo(reference)
				.jsonPath("$.orders[0].product.name_id")
				.isEqualTo("ssl_basic")
				.jsonPath("$.page.total")
				.isEqualTo(1);
		}
	}

	@Test
	void aPendingOrderCanBeCanceledButAnIssuedOneCannot() {
		long pending = placed(this.client, "ssl_basic",
				body("cancel.example.com", List.of(), csr(rsa2048(), "cancel.example.com"), "ref-cancel"));
		changeStatus(pending).expectStatus().isNoContent();
		assertThat(status(this.client, pending)).isEqualTo("canceled");

		long issued = issuedDvOrder("keep.example.com");
		changeStatus(issued).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("invalid_status");
		assertThat(status(this.client, issued)).isEqualTo("issued");
	}

	@Test
	void theDcvEmailCanBeSentAgainForAPendingOrder() {
		long id = placed(this.client, "ssl_securesite_pro",
				body("resend.example.com", List.of(), csr(rsa2048(), "resend.example.com"), "ref-resend"));
		this.client.put()
			.uri("/services/v2/order/certificate/{id}/send-dcv-email", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private WebTestClient.ResponseSpec changeStatus(long id) {
		return this.client.put()
			.uri("/services/v2/order/certificate/{id}/status", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "canceled", "note", "customer changed their mind"))
			.exchange();
	}

	private long issuedDvOrder(String commonName) {
		long id = placed(this.client, "ssl_dv_geotrust",
				body(commonName, List.of(), csr(rsa2048(), commonName), "ref-" + commonName));
		await().atMost(Duration.ofSeconds(10)).until(() -> status(this.client, id).equals("issued"));
		return id;
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

	private String download(long id, String format) {
		byte[] body = this.client.get()
			.uri("/services/v2/certificate/download/order/{id}/format/{format}", id, format)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.US_ASCII);
	}

	private String roots() {
		return this.client.get()
			.uri("/sandbox/roots")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
