package com.rvssl.notify;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Input the API refuses before it stores anything: a webhook setting that is not JSON
 * (415), oversized URLs, secrets, ids and filters (400). Each is a problem and leaves no
 * webhook behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.port=1", "spring.kafka.consumer.group-id=notification-refused-input-it" })
@AutoConfigureWebTestClient
class RefusedInputIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR_KEY = "operator-key-for-refused-input-tests";

	private static final String SETTING = "{\"url\": \"https://whmcs.example.com/hook\", \"secret\": \"0123456789abcdef\"}";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "notification-refused-input");
		registry.add("rvssl.security.operator-key-hash", () -> ApiKeys.hash(OPERATOR_KEY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "" })
	void aWebhookSettingInAnotherContentTypeIsUnsupportedAndNotStored(String contentType) {
		String key = newReseller();
		WebTestClient.RequestBodySpec request = http.put()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + key);
		if (!contentType.isEmpty()) {
			request.contentType(MediaType.parseMediaType(contentType));
		}

		// bytes, so that the client adds no content type of its own
		request.bodyValue(SETTING.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/unsupported-media-type")
			.jsonPath("$.detail")
			.isEqualTo((contentType.isEmpty() ? "A Content-Type is required"
					: "Content-Type '" + contentType + "' is not supported") + "; send application/json.");

		assertNoWebhook(key);
	}

	@Test
	void anOversizedUrlOrSecretIsABadRequestAndNotStored() {
		String key = newReseller();

		setWebhook(key, "https://whmcs.example.com/" + "a".repeat(2048), "0123456789abcdef").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("url");
		setWebhook(key, "https://whmcs.example.com/hook", "s".repeat(513)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("secret");

		assertNoWebhook(key);
	}

	@Test
	void oversizedIdsAndFiltersAreBadRequestsNamingThem() {
		String key = newReseller();

		http.get()
			.uri("/api/v1/deliveries?orderId={id}", "o".repeat(101))
			.header("Authorization", "Bearer " + key)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("orderId");
		http.post()
			.uri("/api/v1/admin/deliveries/{id}/replay", "d".repeat(101))
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("id");
		http.get()
			.uri("/api/v1/deliveries?channel=PIGEON")
			.header("Authorization", "Bearer " + key)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private String newReseller() {
		String id = newId("reseller");
		String key = "key-" + id;
		announce(id, "Hosting " + id, key, "ops@" + id + ".example");
		return key;
	}

	private WebTestClient.ResponseSpec setWebhook(String key, String url, String secret) {
		return http.put()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + key)
			.bodyValue(java.util.Map.of("url", url, "secret", secret))
			.exchange();
	}

	private void assertNoWebhook(String key) {
		http.get()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + key)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
