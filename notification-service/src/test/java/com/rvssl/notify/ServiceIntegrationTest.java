package com.rvssl.notify;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.ResellerRegistered;
import com.rvssl.kit.security.ApiKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * What the integration test classes do from outside the service: publish events as the
 * other services would, announce resellers as billing does, and read the delivery log
 * through the API. Each subclass brings its own {@code @SpringBootTest} settings.
 */
abstract class ServiceIntegrationTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	protected KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	protected WebTestClient http;

	protected void send(EventEnvelope envelope) {
		kafka.send(envelope.topic(), envelope.key(), envelope).join();
	}

	/**
	 * Announces a reseller through its {@code ResellerRegistered} and waits until the API
	 * accepts its key.
	 */
	protected void announce(String resellerId, String name, String key, String email) {
		send(EventEnvelope.of(resellerId, "corr", new ResellerRegistered(name, "USD", ApiKeys.hash(key), email)));
		await().atMost(PATIENCE)
			.until(() -> http.get()
				.uri("/api/v1/deliveries")
				.header("Authorization", "Bearer " + key)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.equals(HttpStatus.OK));
	}

	/**
	 * The order's deliveries over one channel ({@code EMAIL}, {@code WEBHOOK}) as the
	 * key's holder sees them.
	 */
	protected List<DeliveryLine> deliveryLog(String key, String orderId, String channel) {
		return http.get()
			.uri("/api/v1/deliveries?orderId={orderId}&channel={channel}", orderId, channel)
			.header("Authorization", "Bearer " + key)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(DeliveryLine.class)
			.returnResult()
			.getResponseBody();
	}

	protected static String newId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	record DeliveryLine(String id, String orderId, String channel, String recipient, String event, String status,
			int attempts) {
	}

}
