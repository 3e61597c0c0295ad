package com.rvssl.sandbox.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells billing that a payment succeeded or failed: {@code POST <callback-url>} with the
 * event as JSON and {@code Rvssl-Payment-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "t.body">}. Anything but a 2xx is tried again with a doubling backoff
 * (each attempt signed anew, so a late one is not refused as stale), then given up and
 * logged.
 */
@Component
public class PaymentCallbacks {

	public static final String SIGNATURE_HEADER = "Rvssl-Payment-Signature";

	private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient http = WebClient.create();

	private final PaymentSettings settings;

	private final Clock clock = Clock.systemUTC();

	PaymentCallbacks(PaymentSettings settings) {
		this.settings = settings;
	}

	void send(Payment payment) {
		if (this.settings.callbackUrl() == null) {
			log.info("Payment {} is {}; no callback URL is set (sandbox.payments.callback-url)", payment.id(),
					payment.status());
			return;
		}
		byte[] body = JSON.writeValueAsBytes(event(payment));
		Mono.defer(() -> this.http.post()
			.uri(this.settings.callbackUrl())
			.contentType(MediaType.APPLICATION_JSON)
			.header(SIGNATURE_HEADER, signature(this.clock.instant().getEpochSecond(), body))
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.timeout(TIMEOUT))
			.retryWhen(
					Retry.backoff(Math.max(0, this.settings.callbackAttempts() - 1), this.settings.callbackBackoff()))
			.subscribe(
					(response) -> log.info("Payment {} ({}) reported to {}: {}", payment.id(), payment.status(),
							this.settings.callbackUrl(), response.getStatusCode()),
					(failure) -> log.warn("Payment {} ({}) could not be reported to {}, given up: {}", payment.id(),
							payment.status(), this.settings.callbackUrl(), failure.toString()));
	}

	/** The signature header of {@code body} signed at {@code signedAt}. */
	public String signature(long signedAt, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.settings.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((signedAt + ".").getBytes(StandardCharsets.UTF_8));
			return "t=" + signedAt + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> event(Payment payment) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", (payment.status() == PaymentStatus.SUCCEEDED) ? "payment.succeeded" : "payment.failed");
		event.put("paymentId", payment.id());
		event.put("reference", payment.reference());
		event.put("amount", Map.of("amount", payment.amount(), "currency", payment.currency()));
		return event;
	}

}
