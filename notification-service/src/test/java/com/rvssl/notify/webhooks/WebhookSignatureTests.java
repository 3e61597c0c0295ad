package com.rvssl.notify.webhooks;

import java.time.Instant;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.PaymentCaptured;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	@Test
	void signsTimestampDotBodyWithHmacSha256AsApiMdSays() {
		// reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac
		// 'a-secret-of-16-chars'
		assertThat(WebhookSignature.sign("a-secret-of-16-chars", 1_700_000_000L, "{\"a\":1}"))
			.isEqualTo("sha256=966dfd9e7287134bae9078b9ca8cad81556798be645cd07bef60884b917d8d01");
	}

	@Test
	void aDifferentTimestampOrSecretGivesADifferentSignature() {
		String signature = WebhookSignature.sign("a-secret-of-16-chars", 1L, "{}");
		assertThat(WebhookSignature.sign("a-secret-of-16-chars", 2L, "{}")).isNotEqualTo(signature);
		assertThat(WebhookSignature.sign("another-secret-16-chars", 1L, "{}")).isNotEqualTo(signature);
	}

	@Test
	void theBodyCarriesDeliveryEventOrderResellerAndThePayload() {
		EventEnvelope envelope = EventEnvelope.of("order-1", "reseller-1", "corr",
				new PaymentCaptured(Money.of(1299, "USD"), Money.of(100, "USD")));

		JsonNode body = JsonMapper.builder().build().readTree(WebhookBody.of(envelope, "delivery-1"));

		assertThat(body.get("deliveryId").asString()).isEqualTo("delivery-1");
		assertThat(body.get("event").asString()).isEqualTo("PaymentCaptured");
		assertThat(body.get("orderId").asString()).isEqualTo("order-1");
		assertThat(body.get("resellerId").asString()).isEqualTo("reseller-1");
		assertThat(Instant.parse(body.get("occurredAt").asString())).isEqualTo(envelope.occurredAt());
		assertThat(body.get("payload").get("amount").get("amount").asLong()).isEqualTo(1299);
	}

}
