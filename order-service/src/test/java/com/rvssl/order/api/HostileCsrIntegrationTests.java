package com.rvssl.order.api;

import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRs made to cost CPU or to break the parser, sent to every path that reads a CSR (the
 * decoder, order placement, configuration, reissue): each one a 400 or 422 problem naming
 * the csr field with a detail saying what is wrong, and nothing changed.
 */
class HostileCsrIntegrationTests extends OrderServiceIntegrationTest {

	private static TestReseller reseller;

	@BeforeEach
	void oneResellerForAllCases() {
		if (reseller == null) {
			reseller = registerReseller();
		}
	}

	static Stream<HostileCsr> hostileCsrs() {
		BigInteger f4 = BigInteger.valueOf(65537);
		return Stream.of(
				new HostileCsr("a 16,384-bit RSA modulus with a garbage signature", 422, "16384 bits",
						(domain) -> TestCertificates.csr(
								TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(16_384), f4),
								TestCertificates.rsa2048(), domain)),
				new HostileCsr("an RSA exponent of 1", 422, "exponent",
						(domain) -> TestCertificates.csr(
								TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(2048), BigInteger.ONE),
								TestCertificates.rsa2048(), domain)),
				new HostileCsr("an RSA exponent of 2^300+1", 422, "exponent",
						(domain) -> TestCertificates.csr(
								TestCertificates.rsaPublicKey(TestCertificates.fakeRsaModulus(4096),
										BigInteger.ONE.shiftLeft(300).add(BigInteger.ONE)),
								TestCertificates.rsa2048(), domain)),
				new HostileCsr("an EC key with explicit curve parameters", 422, "explicit", (domain) -> {
					var key = TestCertificates.ec("secp256r1");
					return TestCertificates.csr(TestCertificates.explicitCurvePublicKey(key, "secp256r1"), key, domain);
				}),
				new HostileCsr("an EC key on P-521", 422, "P-521",
						(domain) -> TestCertificates.csr(TestCertificates.ec("secp521r1"), domain)),
				new HostileCsr("a validly signed CSR with a malformed extension request", 400, "extension request",
						(domain) -> TestCertificates.csrWithAttribute(TestCertificates.rsa2048(), domain,
								PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new ASN1Integer(7))),
				new HostileCsr("a CSR followed by other text", 400, "nothing after it",
						(domain) -> TestCertificates.csr(TestCertificates.rsa2048(), domain) + "trailing text\n"),
				new HostileCsr("two CSRs in one field", 400, "2 PEM blocks",
						(domain) -> TestCertificates.csr(TestCertificates.rsa2048(), domain)
								+ TestCertificates.csr(TestCertificates.rsa2048(), domain)),
				new HostileCsr("base64 junk in the block", 400, "base64", (
						domain) -> "-----BEGIN CERTIFICATE REQUEST-----\nMIIB$%^&*()\n-----END CERTIFICATE REQUEST-----\n"),
				new HostileCsr("a CSR padded past the size limit", 400, "characters long",
						(domain) -> TestCertificates.csr(TestCertificates.rsa2048(), domain)
							.replaceFirst("REQUEST-----\n", "REQUEST-----\n" + " ".repeat(26_000))));
	}

	@ParameterizedTest(name = "the decoder refuses {0}")
	@MethodSource("hostileCsrs")
	void theDecoderRefusesIt(HostileCsr hostile) {
		EntityExchangeResult<JsonNode> result = call(HttpMethod.POST, reseller.key(), "/api/v1/csr/decode",
				Map.of("csr", hostile.csr().apply(uniqueDomain())));

		assertProblem(result, hostile.status(), "invalid-csr", "csr");
		assertThat(result.getResponseBody().path("detail").asString()).contains(hostile.detail());
	}

	@ParameterizedTest(name = "an order with {0} is refused")
	@MethodSource("hostileCsrs")
	void anOrderWithItIsRefusedAndNotStored(HostileCsr hostile) {
		String domain = uniqueDomain();
		EntityExchangeResult<JsonNode> result = call(HttpMethod.POST, reseller.key(), "/api/v1/orders",
				dvOrder(domain, hostile.csr().apply(domain)));

		assertProblem(result, hostile.status(), "invalid-request", "csr");
		assertThat(result.getResponseBody().path("detail").asString()).contains(hostile.detail());
		assertThat(orders.page(reseller.id(), null, domain, 0, 10).map((page) -> page.totalElements()).block())
			.isZero();
	}

	@Test
	void anOrderWithABlankCsrIsRefusedNotTakenForOneWithout() {
		// found by the bad-input run: " " was read as "no CSR" and the order placed
		String domain = uniqueDomain();
		EntityExchangeResult<JsonNode> result = call(HttpMethod.POST, reseller.key(), "/api/v1/orders",
				dvOrder(domain, " \n\t"));

		assertProblem(result, 400, "invalid-request", "csr");
		assertThat(result.getResponseBody().path("detail").asString()).contains("blank");
		assertThat(orders.page(reseller.id(), null, domain, 0, 10).map((page) -> page.totalElements()).block())
			.isZero();
	}

	@ParameterizedTest(name = "configuring an order with {0} is refused")
	@MethodSource("hostileCsrs")
	void aConfigurationWithItIsRefusedAndTheOrderStillWaits(HostileCsr hostile) {
		String domain = uniqueDomain();
		String orderId = placed(reseller, dvOrder(domain, null));

		EntityExchangeResult<JsonNode> result = call(HttpMethod.PUT, reseller.key(),
				"/api/v1/orders/" + orderId + "/configuration",
				Map.of("csr", hostile.csr().apply(domain), "dcv", Map.of("method", "DNS")));

		assertProblem(result, hostile.status(), "invalid-request", "csr");
		assertThat(order(reseller, orderId).path("state").asString()).isEqualTo("AWAITING_CONFIGURATION");
	}

	/** A hostile CSR for a domain, the status it gets and words its detail contains. */
	record HostileCsr(String name, int status, String detail, Function<String, String> csr) {

		@Override
		public String toString() {
			return name;
		}

	}

}
