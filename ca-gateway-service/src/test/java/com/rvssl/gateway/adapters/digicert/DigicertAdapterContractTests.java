package com.rvssl.gateway.adapters.digicert;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Validation;
import com.rvssl.gateway.adapters.CaCallsForTests;
import com.rvssl.gateway.adapters.CaOrderRequest;
import com.rvssl.gateway.adapters.CaOrderStatus;
import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import com.rvssl.gateway.adapters.ValidationWorld;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.sandbox.SandboxCaApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The DigiCert adapter against the sandbox's CertCentral-style API: order, search,
 * status, download, reissue, resend, cancel.
 */
class DigicertAdapterContractTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static ConfigurableApplicationContext sandbox;

	private static String baseUrl;

	private static DigicertAdapter adapter;

	@BeforeAll
	static void start() {
		sandbox = SandboxCaApplication.start("--server.port=0", "--sandbox.dv.approve-after=PT1S");
		baseUrl = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
		adapter = adapter("sandbox-devkey");
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void anOrderIsFoundByItsReferenceIssuedAndReissuedOverTheNewKey() throws Exception {
		String reference = "ord-" + UUID.randomUUID();
		List<String> domains = List.of("dc.example.com", "www.dc.example.com");
		String caOrderId = adapter
			.place(request(reference, "ssl_dv_rapidssl", csrFor("dc.example.com", "www.dc.example.com"), domains))
			.block(TIMEOUT);

		assertThat(adapter.findByReference(reference).block(TIMEOUT)).isEqualTo(caOrderId);
		assertThat(adapter.status(caOrderId, dcv()).block(TIMEOUT).caStatus()).isEqualTo("pending");
		adapter.resendDcvEmail(caOrderId, "admin@dc.example.com").block(TIMEOUT);
		assertThat(atCa(reference).get(0)).containsEntry("dcvEmailsResent", 1);
		await().atMost(TIMEOUT)
			.until(() -> adapter.status(caOrderId, dcv()).block(TIMEOUT).state() == CaOrderStatus.State.ISSUED);

		KeyPair newKey = TestCertificates.ec("secp256r1");
		adapter.reissue(caOrderId, TestCertificates.csr(newKey, "dc.example.com", "www.dc.example.com"), domains)
			.block(TIMEOUT);

		X509Certificate leaf = chain(adapter.downloadPemChain(caOrderId).block(TIMEOUT)).get(0);
		assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(newKey.getPublic().getEncoded());
		assertThat(atCa(reference).get(0)).containsEntry("reissues", 1).containsEntry("status", "issued");
	}

	@Test
	void anHttpOrderTellsWhichFileToPublishAndIsIssuedOnceItIsServed() {
		List<String> domains = List.of("file.dc.example.com");
		String caOrderId = adapter
			.place(new CaOrderRequest("ord-" + UUID.randomUUID(), "ssl_dv_geotrust", Validation.DV, 12, domains,
					csrFor("file.dc.example.com"), new Dcv(DcvMethod.HTTP, null), null))
			.block(TIMEOUT);

		CaOrderStatus pending = adapter.status(caOrderId, new Dcv(DcvMethod.HTTP, null)).block(TIMEOUT);
		assertThat(pending.stage()).isEqualTo(ValidationStage.DCV_PENDING);
		assertThat(pending.dcv()).singleElement().satisfies(instruction -> {
			assertThat(instruction.method()).isEqualTo(DcvMethod.HTTP);
			assertThat(instruction.domain()).isEqualTo("file.dc.example.com");
			assertThat(instruction.target())
				.isEqualTo("http://file.dc.example.com/.well-known/pki-validation/fileauth.txt");
			assertThat(instruction.value()).isNotBlank();
		});
		assertThat(pending.detail()).contains("fileauth.txt");

		try (ValidationWorld world = new ValidationWorld(baseUrl)) {
			world.publish(pending.dcv().get(0).target(), pending.dcv().get(0).value());
			CaOrderStatus issued = adapter.status(caOrderId, new Dcv(DcvMethod.HTTP, null)).block(TIMEOUT);
			assertThat(issued.state()).isEqualTo(CaOrderStatus.State.ISSUED);
			assertThat(issued.stage()).isNull();
			assertThat(issued.dcv()).isEmpty();
		}
	}

	@Test
	void anEmailOrderChangedToDnsTellsTheTxtRecordAndIsIssuedOnceItExists() {
		List<String> domains = List.of("txt.dc.example.com");
		String caOrderId = adapter
			.place(request("ord-" + UUID.randomUUID(), "ssl_dv_geotrust", csrFor("txt.dc.example.com"), domains))
			.block(TIMEOUT);
		adapter.changeDcvMethod(caOrderId, new Dcv(DcvMethod.DNS, null)).block(TIMEOUT);

		CaOrderStatus pending = adapter.status(caOrderId, dcv()).block(TIMEOUT);
		assertThat(pending.state()).isEqualTo(CaOrderStatus.State.PENDING_VALIDATION);
		assertThat(pending.dcv()).singleElement().satisfies(instruction -> {
			assertThat(instruction.method()).isEqualTo(DcvMethod.DNS);
			assertThat(instruction.target()).isEqualTo("_dnsauth.txt.dc.example.com");
		});
		try (ValidationWorld world = new ValidationWorld(baseUrl)) {
			world.dnsRecord(pending.dcv().get(0).target(), "TXT", pending.dcv().get(0).value());
		}
		assertThat(adapter.status(caOrderId, dcv()).block(TIMEOUT).state()).isEqualTo(CaOrderStatus.State.ISSUED);
	}

	@Test
	void anOvOrderReportsDocumentsThenCallThenReviewAsTheSandboxAdvancesIt() {
		List<String> domains = List.of("ov.dc.example.com");
		String caOrderId = adapter
			.place(new CaOrderRequest("ord-" + UUID.randomUUID(), "ssl_basic", Validation.OV, 12, domains,
					csrFor("ov.dc.example.com"), dcv(), null))
			.block(TIMEOUT);
		try (ValidationWorld world = new ValidationWorld(baseUrl)) {
			List<ValidationStage> stages = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				CaOrderStatus status = adapter.status(caOrderId, dcv()).block(TIMEOUT);
				assertThat(status.dcv()).isEmpty();
				stages.add(status.stage());
				world.advance(caOrderId);
			}
			assertThat(stages).containsExactly(ValidationStage.DOCUMENTS_REQUESTED,
					ValidationStage.VERIFICATION_CALL_PENDING, ValidationStage.UNDER_REVIEW);
		}
		assertThat(adapter.status(caOrderId, dcv()).block(TIMEOUT).state()).isEqualTo(CaOrderStatus.State.ISSUED);
	}

	@Test
	void changingTheDcvMethodOfAnIssuedOrderIsARefusal() {
		List<String> domains = List.of("late.dc.example.com");
		String caOrderId = adapter
			.place(request("ord-" + UUID.randomUUID(), "ssl_basic", csrFor("late.dc.example.com"), domains))
			.block(TIMEOUT);
		WebClient.create(baseUrl)
			.post()
			.uri("/sandbox/orders/{id}/advance", caOrderId)
			.bodyValue(Map.of("to", "issued"))
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
		assertThatThrownBy(() -> adapter.changeDcvMethod(caOrderId, new Dcv(DcvMethod.HTTP, null)).block(TIMEOUT))
			.isInstanceOfSatisfying(CaRefusal.class,
					refusal -> assertThat(refusal.code()).isEqualTo("invalid_order_status"));
	}

	@Test
	void aReissueWithAnInvalidCsrIsRefusedAsInvalidCsr() {
		List<String> domains = List.of("badreissue.example.com");
		String caOrderId = adapter
			.place(request("ord-" + UUID.randomUUID(), "ssl_basic", csrFor("badreissue.example.com"), domains))
			.block(TIMEOUT);
		assertThatThrownBy(() -> adapter.reissue(caOrderId, "not a csr", domains).block(TIMEOUT))
			.isInstanceOfSatisfying(CaRefusal.class, refusal -> assertThat(refusal.code()).isEqualTo("invalid_csr"));
	}

	@Test
	void aWrongKeyIsOurConfigurationNotARefusal() {
		assertThatThrownBy(() -> adapter("wrong-key").status("100001", dcv()).block(TIMEOUT))
			.isInstanceOf(CaUnavailable.class)
			.hasMessageContaining("invalid_api_key");
	}

	private static DigicertAdapter adapter(String key) {
		return new DigicertAdapter(WebClient.builder(), new DigicertProperties(baseUrl, key),
				CaCallsForTests.withoutRetry());
	}

	/**
	 * A CSR for the names (the first is its common name); these tests do not check its
	 * key.
	 */
	private static String csrFor(String commonName, String... otherNames) {
		return TestCertificates.csr(TestCertificates.rsa2048(), commonName, otherNames);
	}

	private static CaOrderRequest request(String reference, String product, String csr, List<String> domains) {
		return new CaOrderRequest(reference, product, Validation.DV, 12, domains, csr, dcv(), null);
	}

	private static Dcv dcv() {
		return new Dcv(DcvMethod.EMAIL, "admin@example.com");
	}

	private static List<Map<String, Object>> atCa(String reference) {
		return WebClient.create(baseUrl)
			.get()
			.uri(uri -> uri.path("/sandbox/orders").queryParam("reference", reference).build())
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.block(TIMEOUT);
	}

	private static List<X509Certificate> chain(String pem) throws Exception {
		List<X509Certificate> chain = new ArrayList<>();
		CertificateFactory.getInstance("X.509")
			.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
			.forEach(certificate -> chain.add((X509Certificate) certificate));
		return chain;
	}

}
