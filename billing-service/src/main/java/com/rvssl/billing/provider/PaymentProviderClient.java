package com.rvssl.billing.provider;

import java.time.Instant;
import java.util.Map;

import com.rvssl.billing.payments.PaymentProperties;
import com.rvssl.billing.payments.PaymentProvider;
import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Asks the provider for a payment: {@code POST <base-url>/payments} with billing's API
 * key, the top-up's id as {@code Idempotency-Key} and as the payment's reference (the
 * provider's callback carries it back). No retries here: a provider that does not answer
 * within the timeout, or answers with an error, is reported as unavailable, and the
 * reseller's request, sent again, asks again.
 */
@Component
class PaymentProviderClient implements PaymentProvider {

	private final WebClient http;

	private final PaymentProperties.Provider settings;

	PaymentProviderClient(PaymentProperties properties) {
		this.settings = properties.provider();
		this.http = WebClient.builder()
			.baseUrl(settings.baseUrl().toString())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey())
			.build();
	}

	@Override
	public Mono<Payment> create(String topUpId, Money amount, String description, Instant expiresAt) {
		Map<String, Object> body = Map.of("amount", Map.of("amount", amount.amount(), "currency", amount.currency()),
				"reference", topUpId, "description", description, "expiresAt", expiresAt.toString());
		return http.post()
			.uri("/payments")
			.header("Idempotency-Key", topUpId)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(Created.class)
			.timeout(settings.timeout())
			.filter((created) -> created.id() != null && created.url() != null)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("the provider's answer has no id or url")))
			.map((created) -> new Payment(created.id(), created.url()))
			.onErrorMap((ex) -> !(ex instanceof Unavailable),
					(ex) -> new Unavailable("The payment provider could not be asked for a payment: " + ex, ex));
	}

	/** The part of the provider's answer billing reads. */
	record Created(String id, String url) {
	}

}
