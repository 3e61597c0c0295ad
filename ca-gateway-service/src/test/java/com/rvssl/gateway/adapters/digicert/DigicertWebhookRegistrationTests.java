package com.rvssl.gateway.adapters.digicert;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.rvssl.sandbox.SandboxCaApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up webhook registration against the sandbox's DigiCert-style webhook API. */
class DigicertWebhookRegistrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static ConfigurableApplicationContext sandbox;

	private static String baseUrl;

	@BeforeAll
	static void start() {
		sandbox = SandboxCaApplication.start("--server.port=0", "--sandbox.digicert.accounts[0].name=second",
				"--sandbox.digicert.accounts[0].api-key=second-key");
		baseUrl = "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void theWebhookIsRegisteredOnceHoweverOftenTheGatewayStarts() {
		DigicertWebhookRegistration registration = registration("http://127.0.0.1:1/ca-push/digicert", "s3cret");

		Long first = registration.register().block(TIMEOUT);
		Long again = registration("http://127.0.0.1:1/ca-push/digicert", "s3cret").register().block(TIMEOUT);

		assertThat(again).isEqualTo(first);
		List<Map<String, Object>> webhooks = webhooks();
		assertThat(webhooks)
			.filteredOn(webhook -> "http://127.0.0.1:1/ca-push/digicert".equals(webhook.get("endpoint")))
			.singleElement()
			.satisfies(webhook -> assertThat(webhook.get("events")).isEqualTo(DigicertWebhookRegistration.EVENTS));
	}

	@Test
	void everyAccountRegistersTheWebhookWithItsOwnKeyOnce() {
		DigicertProperties twoKeys = new DigicertProperties(baseUrl, "unused",
				List.of(new DigicertProperties.Account("main", "sandbox-devkey"),
						new DigicertProperties.Account("second", "second-key")));
		String endpoint = "http://127.0.0.1:1/ca-push/digicert-accounts";
		DigicertWebhookRegistration registration = new DigicertWebhookRegistration(WebClient.builder(), twoKeys,
				new DigicertWebhookProperties(endpoint, "s3cret"));

		Long main = registration.register("main").block(TIMEOUT);
		Long second = registration.register("second").block(TIMEOUT);
		assertThat(registration.register("second").block(TIMEOUT)).isEqualTo(second);
		assertThat(registration.register().block(TIMEOUT)).as("the default account's").isEqualTo(main);

		assertThat(webhooks("sandbox-devkey")).filteredOn(webhook -> endpoint.equals(webhook.get("endpoint")))
			.singleElement()
			.satisfies(webhook -> assertThat(((Number) webhook.get("id")).longValue()).isEqualTo(main));
		assertThat(webhooks("second-key")).filteredOn(webhook -> endpoint.equals(webhook.get("endpoint")))
			.singleElement()
			.satisfies(webhook -> assertThat(((Number) webhook.get("id")).longValue()).isEqualTo(second));
	}

	@Test
	void withoutAnEndpointNothingIsWanted() {
		assertThat(new DigicertWebhookProperties(null, "x").wanted()).isFalse();
		assertThat(new DigicertWebhookProperties(" ", "x").wanted()).isFalse();
		assertThat(new DigicertWebhookProperties("http://status-sync/ca-push/digicert", "x").wanted()).isTrue();
	}

	private static DigicertWebhookRegistration registration(String endpoint, String secret) {
		return new DigicertWebhookRegistration(WebClient.builder(), new DigicertProperties(baseUrl, "sandbox-devkey"),
				new DigicertWebhookProperties(endpoint, secret));
	}

	private static List<Map<String, Object>> webhooks() {
		return webhooks("sandbox-devkey");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> webhooks(String key) {
		Map<String, Object> listed = WebClient.create(baseUrl)
			.get()
			.uri("/services/v2/webhook")
			.header("X-DC-DEVKEY", key)
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block(TIMEOUT);
		return (List<Map<String, Object>>) listed.get("webhooks");
	}

}
