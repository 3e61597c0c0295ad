package com.rvssl.order.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.events.ResellerRegistered;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TopicRecorder;
import com.rvssl.order.orders.OrderStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service over real HTTP, with the shared real Kafka broker and MongoDB wire
 * server. Every integration test class extends this one, so they share one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// the writes alone wake the outbox relay: its sweep never runs in these tests
		properties = "rvssl.outbox.sweep-interval=PT1H")
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class OrderServiceIntegrationTest {

	protected static final String OPERATOR_KEY = "operator-test-key";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected KafkaTemplate<String, EventEnvelope> kafka;

	/**
	 * The real store; a spy only so that a test can slip a concurrent write in before one
	 * of its writes (it calls the real methods unless a test says otherwise, and forgets
	 * that after each test). Declared here so every class keeps sharing one context.
	 */
	@MockitoSpyBean
	protected OrderStore orders;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "order-service-it");
		registry.add("rvssl.security.operator-key-hash", () -> ApiKeys.hash(OPERATOR_KEY));
	}

	/**
	 * The platform's topics as the other services see them, recorded from the beginning.
	 */
	protected static TopicRecorder events() {
		return TopicRecorder.get();
	}

	/**
	 * Registers a reseller the way billing does (ResellerRegistered) and waits until its
	 * key works.
	 */
	protected TestReseller registerReseller() {
		String id = "reseller-" + UUID.randomUUID();
		String key = "key-" + UUID.randomUUID();
		send(EventEnvelope.of(id, id,
				new ResellerRegistered("Hosting " + id, "USD", ApiKeys.hash(key), "ops@" + id + ".example")));
		await().atMost(30, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> http.get()
				.uri("/api/v1/products")
				.header("Authorization", "Bearer " + key)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.equals(HttpStatus.OK));
		return new TestReseller(id, key);
	}

	/** Publishes an event of an order as billing, the gateway or status sync would. */
	protected EventEnvelope publish(String orderId, String resellerId, OrderEvent event) {
		EventEnvelope envelope = EventEnvelope.of(orderId, resellerId, orderId, event);
		send(envelope);
		return envelope;
	}

	protected void send(EventEnvelope envelope) {
		kafka.send(envelope.topic(), envelope.key(), envelope).join();
	}

	protected WebTestClient.ResponseSpec placeOrder(TestReseller reseller, Map<String, Object> body) {
		return http.post()
			.uri("/api/v1/orders")
			.header("Authorization", "Bearer " + reseller.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json(body))
			.exchange();
	}

	/** Places the order and returns its id, expecting 201. */
	protected String placed(TestReseller reseller, Map<String, Object> body) {
		return placeOrder(reseller, body).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("id")
			.asString();
	}

	/**
	 * A problem+json answer of {@code status} and {@code type} (its URI's last segment),
	 * naming each of {@code fields}.
	 */
	protected static void assertProblem(EntityExchangeResult<JsonNode> result, int status, String type,
			String... fields) {
		assertThat(result.getStatus().value())
			.as("%s %s: %s", result.getMethod(), result.getUrl(), result.getResponseBody())
			.isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponseBody().path("type").asString()).endsWith("/" + type);
		assertThat(result.getResponseBody().path("title").asString()).isNotBlank();
		for (String field : fields) {
			assertThat(result.getResponseBody()
				.path("errors")
				.valueStream()
				.map((error) -> error.path("field").asString())).contains(field);
		}
	}

	protected JsonNode order(TestReseller reseller, String orderId) {
		return http.get()
			.uri("/api/v1/orders/{id}", orderId)
			.header("Authorization", "Bearer " + reseller.key())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * A configured DV order body: RapidSSL for one domain, email validation at that
	 * domain.
	 */
	protected static Map<String, Object> dvOrder(String domain, String csr) {
		String mailDomain = domain.startsWith("*.") ? domain.substring(2) : domain;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("productCode", "rapidssl-dv");
		body.put("termMonths", 12);
		body.put("domains", List.of(domain));
		body.put("whmcsServiceId", "svc-" + UUID.randomUUID());
		body.put("customer", Map.of("name", "Somchai Jaidee", "email", "somchai@" + mailDomain));
		if (csr != null) {
			body.put("csr", csr);
		}
		body.put("dcv", Map.of("method", "EMAIL", "approverEmail", "admin@" + mailDomain));
		return body;
	}

	/**
	 * Any call with a key: the status, headers and the body as JSON (null when there is
	 * none).
	 */
	protected EntityExchangeResult<JsonNode> call(HttpMethod method, String key, String uri, Object body) {
		WebTestClient.RequestBodySpec request = http.method(method).uri(uri);
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		WebTestClient.RequestHeadersSpec<?> ready = (body == null) ? request
				: request.contentType(MediaType.APPLICATION_JSON)
					.bodyValue((body instanceof String text) ? text : json(body));
		return ready.exchange().expectBody(JsonNode.class).returnResult();
	}

	/** Polls the order until it is in {@code state}. */
	protected JsonNode awaitOrderState(TestReseller reseller, String orderId, String state) {
		return await().atMost(20, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> order(reseller, orderId), (found) -> state.equals(found.path("state").asString()));
	}

	/**
	 * Moves a placed order on to SUBMITTED the way billing and the gateway would.
	 */
	protected void submit(TestReseller reseller, String orderId) {
		publish(orderId, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
		awaitOrderState(reseller, orderId, "PAID");
		publish(orderId, reseller.id(), new CertificateSubmitted(CertificateAuthority.DIGICERT, "DC-" + orderId));
		awaitOrderState(reseller, orderId, "SUBMITTED");
	}

	/**
	 * Moves a placed order on to ISSUED the way billing, the gateway and status sync
	 * would.
	 */
	protected TestCertificates.Chain issue(TestReseller reseller, String orderId, String domain) {
		submit(reseller, orderId);
		TestCertificates.Chain chain = TestCertificates.chainFor(domain);
		publish(orderId, reseller.id(), certificateIssued(orderId, chain));
		awaitOrderState(reseller, orderId, "ISSUED");
		return chain;
	}

	/** What the gateway announces when the CA issued {@code chain} for the order. */
	protected static CertificateIssued certificateIssued(String orderId, TestCertificates.Chain chain) {
		var leaf = chain.leaf();
		return new CertificateIssued("DC-" + orderId, leaf.getSerialNumber().toString(16),
				leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), leaf.getIssuer().toString(),
				chain.pem());
	}

	protected static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	protected static String uniqueDomain() {
		return "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
	}

	/** A reseller known to the service, and its API key. */
	public record TestReseller(String id, String key) {
	}

}
