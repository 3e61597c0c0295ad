package com.rvssl.order.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests that must be refused with a problem saying what is wrong, leaving no order and
 * no event behind.
 */
class BadOrderInputIntegrationTests extends OrderServiceIntegrationTest {

	private static TestReseller reseller;

	@BeforeEach
	void oneResellerForAllCases() {
		if (reseller == null) {
			reseller = registerReseller();
		}
	}

	@Test
	void theTableHasAtLeastThirtyDistinctCases() {
		assertThat(badInputs().map(BadInput::name).distinct().count()).isGreaterThanOrEqualTo(30);
	}

	static Stream<BadInput> badInputs() {
		return Stream.of(
				new BadInput("a malformed CSR", 400, (domain) -> json(with(dvOrder(domain, null), "csr",
						"-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgY3Ny\n-----END CERTIFICATE REQUEST-----\n"))),
				new BadInput("a 1024-bit RSA key", 422,
						(domain) -> json(dvOrder(domain, TestCertificates.csr(TestCertificates.rsa(1024), domain)))),
				new BadInput("an EC key on P-521", 422,
						(domain) -> json(
								dvOrder(domain, TestCertificates.csr(TestCertificates.ec("secp521r1"), domain)))),
				new BadInput("a CSR for another domain", 422,
						(domain) -> json(
								dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), "other-" + domain)))),
				new BadInput("a pasted private key", 400,
						(domain) -> json(with(dvOrder(domain, null), "csr",
								TestCertificates.privateKeyPem(TestCertificates.rsa2048())))),
				new BadInput("a private key hidden in another field", 400,
						(domain) -> json(with(validOrder(domain), "whmcsServiceId",
								"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"))),
				new BadInput("an unknown product", 422,
						(domain) -> json(with(validOrder(domain), "productCode", "cheapest-ssl"))),
				new BadInput("an unsupported term", 422, (domain) -> json(with(validOrder(domain), "termMonths", 36))),
				new BadInput("two domains on a single-domain product", 422,
						(domain) -> json(with(validOrder(domain), "domains", List.of(domain, "www." + domain)))),
				new BadInput("a wildcard on a single-domain product", 422,
						(domain) -> json(with(dvOrder("*." + domain, null), "dcv", Map.of("method", "DNS")))),
				new BadInput("a wildcard validated over HTTP", 422, (domain) -> {
					Map<String, Object> body = with(dvOrder("*." + domain, null), "productCode",
							"digicert-ov-wildcard");
					body.put("dcv", Map.of("method", "HTTP"));
					return json(body);
				}),
				new BadInput("an approver email at an unrelated domain", 422,
						(domain) -> json(with(validOrder(domain), "dcv",
								Map.of("method", "EMAIL", "approverEmail", "admin@gmail.com")))),
				new BadInput("email validation without an approver email", 400,
						(domain) -> json(with(validOrder(domain), "dcv", Map.of("method", "EMAIL")))),
				new BadInput("a customer without an email", 400,
						(domain) -> json(with(validOrder(domain), "customer", Map.of("name", "Somchai")))),
				new BadInput("malformed JSON", 400,
						(domain) -> "{\"productCode\": \"rapidssl-dv\", \"termMonths\": 12,"),
				new BadInput("a word where a number belongs", 400,
						(domain) -> json(with(validOrder(domain), "termMonths", "twelve"))),
				new BadInput("an object where a list belongs", 400,
						(domain) -> json(with(validOrder(domain), "domains", Map.of("name", domain)))),
				new BadInput("an unknown DCV method", 400,
						(domain) -> json(with(validOrder(domain), "dcv", Map.of("method", "CARRIER_PIGEON")))),
				new BadInput("too many domains for a multi-domain product", 422, (domain) -> {
					Map<String, Object> body = with(validOrder(domain), "productCode", "digicert-ev-multi");
					body.remove("csr");
					body.put("domains",
							java.util.stream.IntStream.range(0, 26)
								.mapToObj((i) -> "site" + i + "-" + domain)
								.toList());
					return json(body);
				}),
				new BadInput("a CSR with a name that was not ordered", 422,
						(domain) -> json(dvOrder(domain,
								TestCertificates.csr(TestCertificates.rsa2048(), domain, "www." + domain)))),
				new BadInput("a CSR whose signature does not verify", 400,
						(domain) -> json(
								dvOrder(domain, tampered(TestCertificates.csr(TestCertificates.rsa2048(), domain))))),
				new BadInput("a certificate pasted instead of a CSR", 400,
						(domain) -> json(dvOrder(domain, TestCertificates.chainFor(domain).pem()))),
				new BadInput("a PKCS#1 RSA private key in the CSR field", 400,
						(domain) -> json(with(dvOrder(domain, null), "csr",
								"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"))),
				new BadInput("an EC private key in the customer's name", 400,
						(domain) -> json(with(validOrder(domain), "customer",
								Map.of("name", "-----BEGIN EC PRIVATE KEY-----", "email", "a@" + domain)))),
				new BadInput("an empty domain list", 400,
						(domain) -> json(with(validOrder(domain), "domains", List.of()))),
				new BadInput("a domain name with spaces and empty labels", 422,
						(domain) -> json(with(dvOrder(domain, null), "domains", List.of("exa mple..com")))),
				new BadInput("the same domain twice", 422, (domain) -> {
					Map<String, Object> body = with(dvOrder(domain, null), "productCode", "positivessl-dv-multi");
					body.put("domains", List.of(domain, domain.toUpperCase(java.util.Locale.ROOT)));
					return json(body);
				}),
				new BadInput("a bare domain on a wildcard product", 422,
						(domain) -> json(with(dvOrder(domain, null), "productCode", "positivessl-dv-wildcard"))),
				new BadInput("a wildcard validated over HTTP at the Sectigo-style CA", 422, (domain) -> {
					Map<String, Object> body = with(dvOrder("*." + domain, null), "productCode",
							"positivessl-dv-wildcard");
					body.put("dcv", Map.of("method", "HTTP"));
					return json(body);
				}), new BadInput("a negative term", 422, (domain) -> json(with(validOrder(domain), "termMonths", -12))),
				new BadInput("a missing term", 400, (domain) -> {
					Map<String, Object> body = validOrder(domain);
					body.remove("termMonths");
					return json(body);
				}), new BadInput("an OV order for an unknown country", 422, (domain) -> {
					Map<String, Object> body = with(dvOrder(domain, null), "productCode", "digicert-ov");
					body.put("organization",
							Map.of("name", "Example Shop Co., Ltd.", "country", "XX", "city", "Bangkok", "address",
									"1 Silom Road", "phone", "+66 2 000 0000", "contact",
									Map.of("name", "Somchai", "email", "somchai@" + domain)));
					return json(body);
				}),
				new BadInput("a customer email that is not an email", 400,
						(domain) -> json(with(validOrder(domain), "customer",
								Map.of("name", "Somchai", "email", "not-an-email")))),
				new BadInput("a JSON array instead of an object", 400, (domain) -> "[\"rapidssl-dv\", 12]"),
				new BadInput("an empty body", 400, (domain) -> ""),
				new BadInput("an oversized body", 413, (domain) -> json(with(validOrder(domain), "customer",
						Map.of("name", "x".repeat(70_000), "email", "a@" + domain)))));
	}

	@ParameterizedTest(name = "{0} is refused")
	@MethodSource("badInputs")
	void badInputIsRefusedWithAProblemAndChangesNothing(BadInput input) {
		EntityExchangeResult<JsonNode> result = post(reseller, input.body().apply(uniqueDomain()));

		assertThat(result.getStatus().value()).isEqualTo(input.status());
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = result.getResponseBody();
		assertThat(problem.path("status").asInt()).isEqualTo(input.status());
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("type").asString()).isEqualTo(
				"https://rvssl.example/problems/" + ((input.status() == 413) ? "body-too-large" : "invalid-request"));
		if (input.status() != 413) {
			assertThat(problem.path("errors")).isNotEmpty();
			assertThat(problem.path("errors").get(0).has("field")).isTrue();
		}
		assertThat(storedOrders(reseller)).isZero();
	}

	@Test
	void anOversizedBodySentWithoutALengthIsRefusedWhileItIsRead() {
		http.post()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + reseller.key())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Flux.just("{\"productCode\": \"", "x".repeat(70_000), "\"}"), String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(storedOrders(reseller)).isZero();
	}

	@Test
	void refusedRequestsPublishNoEvents() {
		TestReseller quiet = registerReseller();
		badInputs().forEach((input) -> post(quiet, input.body().apply(uniqueDomain())));
		String domain = uniqueDomain();
		String goodOrder = post(quiet, json(validOrder(domain))).getResponseBody().path("id").asString();

		List<EventEnvelope> published = await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().resellerOrderEvents(quiet.id()), (found) -> !found.isEmpty());
		assertThat(published).extracting(EventEnvelope::orderId).containsExactly(goodOrder);
		assertThat(storedOrders(quiet)).isEqualTo(1);
	}

	@Test
	void anUnreadableCsrIsRefusedByTheDecoderAndAGoodOneIsDescribed() {
		String domain = uniqueDomain();
		http.post()
			.uri("/api/v1/csr/decode")
			.header("Authorization", "Bearer " + reseller.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(Map.of("csr", "garbage")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		http.post()
			.uri("/api/v1/csr/decode")
			.header("Authorization", "Bearer " + reseller.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(Map.of("csr", TestCertificates.csr(TestCertificates.rsa2048(), domain, "www." + domain))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.commonName")
			.isEqualTo(domain)
			.jsonPath("$.subjectAltNames[1]")
			.isEqualTo("www." + domain)
			.jsonPath("$.keyAlgorithm")
			.isEqualTo("RSA")
			.jsonPath("$.keySize")
			.isEqualTo(2048)
			.jsonPath("$.subject.O")
			.isEqualTo("Example Shop");
	}

	private EntityExchangeResult<JsonNode> post(TestReseller who, String body) {
		return http.post()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + who.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult();
	}

	private long storedOrders(TestReseller who) {
		return orders.page(who.id(), null, null, 0, 10)
			.map((page) -> page.totalElements())
			.block(Duration.ofSeconds(5));
	}

	private static Map<String, Object> validOrder(String domain) {
		return dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));
	}

	/**
	 * The CSR with the last byte of its signature changed: well-formed, but not signed by
	 * its key.
	 */
	private static String tampered(String csr) {
		String base64 = csr.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		byte[] der = java.util.Base64.getDecoder().decode(base64);
		der[der.length - 1] ^= 0x01;
		return "-----BEGIN CERTIFICATE REQUEST-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END CERTIFICATE REQUEST-----\n";
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.put(field, value);
		return changed;
	}

	/**
	 * One refused request: what it is, the status it gets, its body for a given domain.
	 */
	record BadInput(String name, int status, Function<String, String> body) {

		@Override
		public String toString() {
			return name;
		}

	}

}
