package com.rvssl.gateway.adapters.sectigo;

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
import com.rvssl.gateway.adapters.CaOrderQuery;
import com.rvssl.gateway.adapters.ValidationWorld;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.sandbox.SandboxCaApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Sectigo adapter against the sandbox's Sectigo-style reseller API: what it sends,
 * and how it reads each answer.
 */
class SectigoAdapterContractTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static ConfigurableApplicationContext sandbox;

	private static String baseUrl;

	private static SectigoAdapter adapter;

	@BeforeAll
	static void start() {
		sandbox = SandboxCaApplication.start("--server.port=0", "--sandbox.dv.approve-after=PT1S");
		baseUrl = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
		adapter = adapter("sandbox-reseller", "sandbox-password");
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@AfterEach
	void clearFaults() {
		WebClient.create(baseUrl).delete().uri("/sandbox/faults").retrieve().toBodilessEntity().block(TIMEOUT);
	}

	@Test
	void aDvOrderIsPlacedPendingThenIssuedAndItsChainIsTheCsrsKeyUnderTheSandboxRoot() throws Exception {
		String reference = "ord-" + UUID.randomUUID();
		KeyPair key = TestCertificates.ec("secp256r1");
		String csr = TestCertificates.csr(key, "dv.sectigo.example.com", "www.dv.sectigo.example.com");
		String caOrderId = adapter.place(request(reference, "287", csr)).block(TIMEOUT);

		assertThat(atCa(reference)).singleElement().satisfies(order -> {
			assertThat(order).containsEntry("api", "sectigo")
				.containsEntry("caOrderId", caOrderId)
				.containsEntry("product", "287");
		});
		CaOrderStatus pending = adapter.status(caOrderId, dcv()).block(TIMEOUT);
		assertThat(pending.state()).isEqualTo(CaOrderStatus.State.PENDING_VALIDATION);
		assertThat(pending.caStatus()).isEqualTo("Awaiting Validation");
		assertThat(pending.detail()).isEqualTo("Waiting for admin@example.com to approve");
		assertThatThrownBy(() -> adapter.downloadPemChain(caOrderId).block(TIMEOUT)).isInstanceOf(CaRefusal.class);

		await().atMost(TIMEOUT)
			.until(() -> adapter.status(caOrderId, dcv()).block(TIMEOUT).state() == CaOrderStatus.State.ISSUED);
		List<X509Certificate> chain = chain(adapter.downloadPemChain(caOrderId).block(TIMEOUT));
		assertThat(chain).hasSize(3);
		assertThat(chain.get(0).getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
		chain.get(0).verify(chain.get(1).getPublicKey());
		chain.get(1).verify(chain.get(2).getPublicKey());
	}

	@Test
	void placingTheSameReferenceAgainAdoptsTheOrderAlreadyThere() {
		String reference = "ord-" + UUID.randomUUID();
		String csr = csrFor("again.sectigo.example.com");
		String first = adapter.place(request(reference, "287", csr)).block(TIMEOUT);

		String second = adapter.place(request(reference, "287", csr)).block(TIMEOUT);

		assertThat(second).isEqualTo(first);
		assertThat(atCa(reference)).hasSize(1);
		assertThat(adapter.findByReference(reference).blockOptional(TIMEOUT)).isEmpty();
	}

	@Test
	void anInvalidCsrIsARefusalNamingTheArgumentAndNothingIsOrdered() {
		String reference = "ord-" + UUID.randomUUID();
		assertThatThrownBy(() -> adapter.place(request(reference, "287", "not a csr")).block(TIMEOUT))
			.isInstanceOfSatisfying(CaRefusal.class, refusal -> assertThat(refusal.code()).isEqualTo("sectigo_-4_csr"));
		assertThatThrownBy(() -> adapter.place(request(reference, "9999", "not a csr")).block(TIMEOUT))
			.isInstanceOfSatisfying(CaRefusal.class,
					refusal -> assertThat(refusal.code()).isEqualTo("sectigo_-4_product"));
		assertThat(atCa(reference)).isEmpty();
	}

	@Test
	void anUnknownOrderIsANotFoundRefusal() {
		assertThatThrownBy(() -> adapter.status("424242", dcv()).block(TIMEOUT)).isInstanceOfSatisfying(CaRefusal.class,
				refusal -> assertThat(refusal.httpStatus()).isEqualTo(404));
	}

	@Test
	void aWrongLoginIsOurConfigurationNotARefusalOfTheOrder() {
		SectigoAdapter wrong = adapter("sandbox-reseller", "not-the-password");
		assertThatThrownBy(() -> wrong.status("1", dcv()).block(TIMEOUT)).isInstanceOf(CaUnavailable.class)
			.hasMessageContaining("-16");
	}

	@Test
	void serverErrorsCallLimitsAndMalformedRepliesAreUnavailableNotRefusals() {
		for (String mode : List.of("ERROR_5XX", "RATE_LIMIT", "MALFORMED", "OUTAGE")) {
			fault(mode);
			assertThatThrownBy(() -> adapter.status("1", dcv()).block(TIMEOUT)).as(mode)
				.isInstanceOf(CaUnavailable.class);
			clearFaults();
		}
	}

	@Test
	void aLostReplyIsFoundByPlacingAgain() {
		String reference = "ord-" + UUID.randomUUID();
		String csr = csrFor("lost.sectigo.example.com");
		fault("LOST_REPLY");
		assertThatThrownBy(() -> adapter.place(request(reference, "287", csr)).block(TIMEOUT))
			.isInstanceOf(CaUnavailable.class);
		clearFaults();

		String adopted = adapter.place(request(reference, "287", csr)).block(TIMEOUT);

		assertThat(atCa(reference)).singleElement()
			.satisfies(order -> assertThat(order.get("caOrderId")).isEqualTo(adopted));
	}

	@Test
	void anIssuedOrderIsReissuedOverTheNewKeyAndARevokeWithinTheWindowIsRefunded() throws Exception {
		String reference = "ord-" + UUID.randomUUID();
		String caOrderId = adapter.place(request(reference, "287", csrFor("re.sectigo.example.com"))).block(TIMEOUT);
		await().atMost(TIMEOUT)
			.until(() -> adapter.status(caOrderId, dcv()).block(TIMEOUT).state() == CaOrderStatus.State.ISSUED);

		KeyPair newKey = TestCertificates.ec("secp256r1");
		adapter
			.reissue(caOrderId, TestCertificates.csr(newKey, "re.sectigo.example.com"),
					List.of("re.sectigo.example.com"))
			.block(TIMEOUT);

		X509Certificate leaf = chain(adapter.downloadPemChain(caOrderId).block(TIMEOUT)).get(0);
		assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(newKey.getPublic().getEncoded());
		assertThat(atCa(reference).get(0)).containsEntry("reissues", 1);

		adapter.cancel(caOrderId, "customer left").block(TIMEOUT);
		adapter.cancel(caOrderId, "customer left").block(TIMEOUT);
		assertThat(adapter.status(caOrderId, dcv()).block(TIMEOUT).state()).isEqualTo(CaOrderStatus.State.CANCELLED);
		assertThat(atCa(reference).get(0)).containsEntry("status", "revoked").containsEntry("refunded", true);
	}

	@Test
	void theApprovalEmailIsResentForAPendingOrder() {
		String reference = "ord-" + UUID.randomUUID();
		String csr = csrFor("ov.sectigo.example.com");
		CaOrderRequest ov = new CaOrderRequest(reference, "24", Validation.OV, 12, List.of("ov.sectigo.example.com"),
				csr, dcv(), new com.rvssl.contracts.Organization("Example Ltd", "GB", "London", "1 High St",
						"+44 20 0000", new com.rvssl.contracts.Organization.Contact("Bob", "bob@example.com", "+44")));
		String caOrderId = adapter.place(ov).block(TIMEOUT);
		CaOrderStatus status = adapter.status(caOrderId, dcv()).block(TIMEOUT);
		assertThat(status.detail()).isEqualTo("Waiting for the organisation's documents");
		assertThat(status.stage()).isEqualTo(ValidationStage.DOCUMENTS_REQUESTED);

		adapter.resendDcvEmail(caOrderId, "admin@ov.sectigo.example.com").block(TIMEOUT);

		assertThat(atCa(reference).get(0)).containsEntry("dcvEmailsResent", 1);
	}

	@Test
	void anHttpOrderTellsTheCsrHashFileToPublishAndIsIssuedOnceItIsServed() {
		String reference = "ord-" + UUID.randomUUID();
		List<String> domains = List.of("file.sectigo.example.com");
		String csr = csrFor("file.sectigo.example.com");
		Dcv http = new Dcv(DcvMethod.HTTP, null);
		String caOrderId = adapter
			.place(new CaOrderRequest(reference, "287", Validation.DV, 12, domains, csr, http, null))
			.block(TIMEOUT);
		CaOrderQuery query = new CaOrderQuery(caOrderId, http, domains, csr, reference);

		CaOrderStatus pending = adapter.status(query).block(TIMEOUT);
		assertThat(pending.stage()).isEqualTo(ValidationStage.DCV_PENDING);
		assertThat(pending.dcv()).singleElement().satisfies(instruction -> {
			assertThat(instruction.method()).isEqualTo(DcvMethod.HTTP);
			assertThat(instruction.target())
				.matches("http://file\\.sectigo\\.example\\.com/\\.well-known/pki-validation/[0-9A-F]{32}\\.txt");
			assertThat(instruction.value().lines().toList()).hasSize(3).element(1).isEqualTo("sectigo.com");
			assertThat(instruction.value().lines().toList().get(2)).isEqualTo(reference);
		});
		try (ValidationWorld world = new ValidationWorld(baseUrl)) {
			world.publish(pending.dcv().get(0).target(), pending.dcv().get(0).value());
			assertThat(adapter.status(query).block(TIMEOUT).state()).isEqualTo(CaOrderStatus.State.ISSUED);
		}
	}

	@Test
	void anOrderChangedToDnsTellsTheCnameAndIsIssuedOnceItExists() {
		String reference = "ord-" + UUID.randomUUID();
		List<String> domains = List.of("cname.sectigo.example.com");
		String csr = csrFor("cname.sectigo.example.com");
		String caOrderId = adapter
			.place(new CaOrderRequest(reference, "287", Validation.DV, 12, domains, csr, new Dcv(DcvMethod.HTTP, null),
					null))
			.block(TIMEOUT);
		adapter.changeDcvMethod(caOrderId, new Dcv(DcvMethod.DNS, null)).block(TIMEOUT);
		CaOrderQuery query = new CaOrderQuery(caOrderId, new Dcv(DcvMethod.HTTP, null), domains, csr, reference);

		CaOrderStatus pending = adapter.status(query).block(TIMEOUT);
		assertThat(pending.dcv()).singleElement().satisfies(instruction -> {
			assertThat(instruction.method()).isEqualTo(DcvMethod.DNS);
			assertThat(instruction.target()).matches("_[0-9A-F]{32}\\.cname\\.sectigo\\.example\\.com");
			assertThat(instruction.value()).endsWith("." + reference + ".sectigo.com");
		});
		try (ValidationWorld world = new ValidationWorld(baseUrl)) {
			world.dnsRecord(pending.dcv().get(0).target(), "CNAME", pending.dcv().get(0).value());
		}
		assertThat(adapter.status(query).block(TIMEOUT).state()).isEqualTo(CaOrderStatus.State.ISSUED);
	}

	@Test
	void anOvOrderReportsCallThenReviewAsTheSandboxAdvancesIt() {
		String reference = "ord-" + UUID.randomUUID();
		List<String> domains = List.of("steps.sectigo.example.com");
		String csr = csrFor("steps.sectigo.example.com");
		CaOrderRequest ov = new CaOrderRequest(reference, "24", Validation.OV, 12, domains, csr, dcv(),
				new com.rvssl.contracts.Organization("Example Ltd", "GB", "London", "1 High St", "+44 20 0000",
						new com.rvssl.contracts.Organization.Contact("Bob", "bob@example.com", "+44")));
		String caOrderId = adapter.place(ov).block(TIMEOUT);
		try (ValidationWorld world = new ValidationWorld(baseUrl)) {
			world.advance(caOrderId);
			assertThat(adapter.status(caOrderId, dcv()).block(TIMEOUT).stage())
				.isEqualTo(ValidationStage.VERIFICATION_CALL_PENDING);
			world.advance(caOrderId);
			assertThat(adapter.status(caOrderId, dcv()).block(TIMEOUT).stage()).isEqualTo(ValidationStage.UNDER_REVIEW);
			world.advance(caOrderId);
		}
		assertThat(adapter.status(caOrderId, dcv()).block(TIMEOUT).state()).isEqualTo(CaOrderStatus.State.ISSUED);
	}

	@Test
	void anUnknownOrderCannotChangeItsDcvMethod() {
		assertThatThrownBy(() -> adapter.changeDcvMethod("424242", new Dcv(DcvMethod.HTTP, null)).block(TIMEOUT))
			.isInstanceOf(CaRefusal.class);
	}

	private static SectigoAdapter adapter(String login, String password) {
		return new SectigoAdapter(WebClient.builder(), new SectigoProperties(baseUrl, login, password),
				CaCallsForTests.withoutRetry());
	}

	/**
	 * A CSR for the names (the first is its common name); these tests do not check its
	 * key.
	 */
	private static String csrFor(String commonName, String... otherNames) {
		return TestCertificates.csr(TestCertificates.rsa2048(), commonName, otherNames);
	}

	private static CaOrderRequest request(String reference, String product, String csr) {
		return new CaOrderRequest(reference, product, Validation.DV, 12, List.of("x.sectigo.example.com"), csr, dcv(),
				null);
	}

	private static Dcv dcv() {
		return new Dcv(DcvMethod.EMAIL, "admin@example.com");
	}

	private static void fault(String mode) {
		WebClient.create(baseUrl)
			.post()
			.uri("/sandbox/faults")
			.bodyValue(Map.of("api", "sectigo", "mode", mode, "durationSeconds", 30, "probability", 1.0))
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
	}

	static List<Map<String, Object>> atCa(String reference) {
		return WebClient.create(baseUrl)
			.get()
			.uri(uri -> uri.path("/sandbox/orders").queryParam("reference", reference).build())
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.block(TIMEOUT);
	}

	static List<X509Certificate> chain(String pem) throws Exception {
		List<X509Certificate> chain = new ArrayList<>();
		CertificateFactory.getInstance("X.509")
			.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
			.forEach(certificate -> chain.add((X509Certificate) certificate));
		return chain;
	}

}
