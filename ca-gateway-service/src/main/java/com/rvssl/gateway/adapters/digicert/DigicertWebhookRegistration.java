package com.rvssl.gateway.adapters.digicert;

import java.time.Duration;
import java.util.LinkedHashMap;
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
 * Registers status-sync's webhook with DigiCert once the gateway is up, with every
 * account (each key's orders push to that key's webhooks only), unless a webhook with
 * that endpoint is there already for the account (so restarts and replicas register it
 * once). The CA may not answer yet at start-up: each registration is retried with backoff
 * in the background, never blocking start-up. Outside the resilience instances on
 * purpose: a start-up chore must not open the order circuit.
 */
@Component
class DigicertWebhookRegistration {

	static final List<String> EVENTS = List.of("certificate_issued", "order_rejected", "order_status_changed",
			"certificate_revoked");

	private static final Logger log = LoggerFactory.getLogger(DigicertWebhookRegistration.class);

	/** A client with each account's key, by account name, the default account first. */
	private final Map<String, WebClient> clients = new LinkedHashMap<>();

	private final DigicertWebhookProperties webhook;

	DigicertWebhookRegistration(WebClient.Builder builder, DigicertProperties properties,
			DigicertWebhookProperties webhook) {
		for (DigicertProperties.Account account : properties.inUse()) {
			clients.put(account.name(),
					builder.clone()
						.baseUrl(properties.baseUrl())
						.defaultHeader("X-DC-DEVKEY", account.apiKey())
						.build());
		}
		this.webhook = webhook;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (webhook.wanted()) {
			clients.keySet()
				.forEach(account -> register(account)
					.retryWhen(Retry.backoff(12, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
					.subscribe(
							id -> log.info("DigiCert webhook {} of account {} delivers to {}", id, account,
									webhook.endpoint()),
							failure -> log.warn("Could not register the DigiCert webhook of account {} for {}: {}",
									account, webhook.endpoint(), failure.toString())));
		}
	}

	/**
	 * The id of the default account's webhook for the configured endpoint: the one there,
	 * or a new one.
	 */
	Mono<Long> register() {
		return register(clients.keySet().iterator().next());
	}

	/**
	 * The id of the account's webhook for the configured endpoint: the one there, or a
	 * new one.
	 */
	Mono<Long> register(String account) {
		WebClient client = clients.get(account);
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
