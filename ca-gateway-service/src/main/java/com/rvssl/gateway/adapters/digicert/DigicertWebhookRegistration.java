package com.rvssl.gateway.adapters.digicert;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Registers status-sync's webhook with DigiCert once the gateway is up, unless a webhook
 * with that endpoint is there already (so restarts and replicas register it once). The CA
 * may not answer yet at start-up: the registration is retried with backoff in the
 * background, never blocking start-up. Outside the resilience instances on purpose: a
 * start-up chore must not open the order circuit.
 */
@Component
class DigicertWebhookRegistration {

	static final List<String> EVENTS = List.of("certificate_issued", "order_rejected", "order_status_changed",
			"certificate_revoked");

	private static final Logger log = LoggerFactory.getLogger(DigicertWebhookRegistration.class);

	private final WebClient client;

	private final DigicertWebhookProperties webhook;

	DigicertWebhookRegistration(WebClient.Builder builder, DigicertProperties properties,
			DigicertWebhookProperties webhook) {
		this.client = builder.clone()
			.baseUrl(properties.baseUrl())
			.defaultHeader("X-DC-DEVKEY", properties.apiKey())
			.build();
		this.webhook = webhook;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (webhook.wanted()) {
			register().retryWhen(Retry.backoff(12, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
				.subscribe(id -> log.info("DigiCert webhook {} delivers to {}", id, webhook.endpoint()),
						failure -> log.warn("Could not register the DigiCert webhook for {}: {}", webhook.endpoint(),
								failure.toString()));
		}
	}

	/** The id of the webhook for the configured endpoint: the one there, or a new one. */
	Mono<Long> register() {
		return client.get()
			.uri("/services/v2/webhook")
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(Duration.ofSeconds(20))
			.flatMap(listed -> {
				for (JsonNode existing : listed.path("webhooks")) {
					if (webhook.endpoint().equals(existing.path("endpoint").asString(null))) {
						return Mono.just(existing.path("id").asLong());
					}
				}
				return client.post()
					.uri("/services/v2/webhook")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("endpoint", webhook.endpoint(), "secret",
							(webhook.secret() != null) ? webhook.secret() : "", "events", EVENTS))
					.retrieve()
					.bodyToMono(JsonNode.class)
					.timeout(Duration.ofSeconds(20))
					.map(created -> created.path("id").asLong());
			});
	}

}
