package com.rvssl.order.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resending the approval email and reissuing are refused in the wrong state or with the
 * wrong CSR, changing nothing.
 */
class DcvAndReissueIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void theApprovalEmailIsNotResentBeforeSubmissionNorForDnsValidation() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String emailOrder = placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		assertProblem(call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + emailOrder + "/dcv/resend", null), 409,
				"illegal-transition");

		String dnsDomain = uniqueDomain();
		Map<String, Object> body = dvOrder(dnsDomain, TestCertificates.csr(TestCertificates.rsa2048(), dnsDomain));
		body.put("dcv", Map.of("method", "DNS"));
		String dnsOrder = placed(reseller, body);
		publish(dnsOrder, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
		awaitOrderState(reseller, dnsOrder, "PAID");
		publish(dnsOrder, reseller.id(), new CertificateSubmitted(CertificateAuthority.DIGICERT, "DC-dns"));
		int timeline = awaitOrderState(reseller, dnsOrder, "SUBMITTED").path("timeline").size();
		assertProblem(call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + dnsOrder + "/dcv/resend", null), 409,
				"illegal-transition");

		assertThat(order(reseller, dnsOrder).path("timeline").size()).isEqualTo(timeline);
		await().during(Duration.ofSeconds(1))
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> events().of(dnsOrder, DcvResendRequested.class).isEmpty()
					&& events().of(emailOrder, DcvResendRequested.class).isEmpty());
	}

	@Test
	void aReissueIsRefusedBeforeIssuanceAndForACsrOfOtherNames() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		String goodCsr = TestCertificates.csr(TestCertificates.rsa2048(), domain);
		assertProblem(
				call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/reissue", Map.of("csr", goodCsr)),
				409, "illegal-transition");

		issue(reseller, orderId, domain);
		int timeline = order(reseller, orderId).path("timeline").size();
		assertProblem(
				call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/reissue",
						Map.of("csr", TestCertificates.csr(TestCertificates.rsa2048(), "other-" + domain))),
				422, "invalid-request");
		assertProblem(
				call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/reissue",
						Map.of("csr", TestCertificates.privateKeyPem(TestCertificates.rsa2048()))),
				400, "invalid-request");
		assertProblem(call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/reissue", Map.of()), 400,
				"invalid-request");
		// hostile CSRs: a huge modulus refused for its size before its (garbage)
		// signature, a validly signed one with a malformed extension request
		assertProblem(
				call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/reissue", Map.of("csr",
						TestCertificates.csr(TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(16_384),
								java.math.BigInteger.valueOf(65537)), TestCertificates.rsa2048(), domain))),
				422, "invalid-request", "csr");
		assertProblem(
				call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/reissue",
						Map.of("csr",
								TestCertificates.csrWithAttribute(TestCertificates.rsa2048(), domain,
										org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
										new org.bouncycastle.asn1.DERUTF8String("not extensions")))),
				400, "invalid-request", "csr");

		assertThat(order(reseller, orderId).path("timeline").size()).isEqualTo(timeline);
		await().during(Duration.ofSeconds(1))
			.atMost(5, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, ReissueRequested.class).isEmpty());
	}

	@Test
	void approverEmailsNeedARegistrableDomain() {
		TestReseller reseller = registerReseller();
		assertProblem(call(HttpMethod.GET, reseller.key(), "/api/v1/dcv/approver-emails", null), 400,
				"invalid-request");
		assertProblem(call(HttpMethod.GET, reseller.key(), "/api/v1/dcv/approver-emails?domain=co.uk", null), 422,
				"invalid-request");
		JsonNode wildcard = call(HttpMethod.GET, reseller.key(),
				"/api/v1/dcv/approver-emails?domain=*.shop.example.com", null)
			.getResponseBody();
		assertThat(wildcard.path("approverEmails").size()).isEqualTo(10);
		assertThat(wildcard.at("/approverEmails/0").asString()).isEqualTo("admin@shop.example.com");
	}

}
