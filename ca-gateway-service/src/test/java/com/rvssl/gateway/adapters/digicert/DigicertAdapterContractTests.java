package com.rvssl.gateway.adapters.digicert;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import com.rvssl.gateway.scenarios.Csrs;
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

/** The DigiCert adapter against the sandbox's CertCentral-style API: order, search, status, download, reissue, resend, cancel. */
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
		String caOrderId = adapter.place(request(reference, "ssl_dv_rapidssl", Csrs.forDomains(domains).pem(), domains))
			.block(TIMEOUT);

		assertThat(adapter.findByReference(reference).block(TIMEOUT)).isEqualTo(caOrderId);
		assertThat(adapter.status(caOrderId, dcv()).block(TIMEOUT).caStatus()).isEqualTo("pending");
		adapter.resendDcvEmail(caOrderId, "admin@dc.example.com").block(TIMEOUT);
		assertThat(atCa(reference).get(0)).containsEntry("dcvEmailsResent", 1);
		await().atMost(TIMEOUT)
			.until(() -> adapter.status(caOrderId, dcv()).block(TIMEOUT).state() == CaOrderStatus.State.ISSUED);

		Csrs.Csr newCsr = Csrs.forDomains(domains);
		adapter.reissue(caOrderId, newCsr.pem(), domains).block(TIMEOUT);

		X509Certificate leaf = chain(adapter.downloadPemChain(caOrderId).block(TIMEOUT)).get(0);
		assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(newCsr.keys().getPublic().getEncoded());
		assertThat(atCa(reference).get(0)).containsEntry("reissues", 1).containsEntry("status", "issued");
	}

	@Test
	void aReissueWithAnInvalidCsrIsRefusedAsInvalidCsr() {
		List<String> domains = List.of("badreissue.example.com");
		String caOrderId = adapter
			.place(request("ord-" + UUID.randomUUID(), "ssl_basic", Csrs.forDomains(domains).pem(), domains))
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
