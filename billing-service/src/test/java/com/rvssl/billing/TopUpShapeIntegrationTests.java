package com.rvssl.billing;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Top-up shapes the generated bad-input run found accepted: two Idempotency-Key headers
 * (read as one key joined by a comma, so a repeat is never recognised) and a float amount
 * (truncated to whole minor units).
 */
class TopUpShapeIntegrationTests extends BillingIntegrationTest {

	@Test
	void twoIdempotencyKeysAreRefusedAndCreditNothing() {
		Reseller reseller = newReseller();

		web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"amount\":{\"amount\":1000,\"currency\":\"USD\"},\"reference\":\"wire\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(ledger(reseller)).isEmpty();
	}

	@Test
	void aFloatAmountIsRefusedNotTruncated() {
		Reseller reseller = newReseller();

		web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"amount\":{\"amount\":1999.5,\"currency\":\"USD\"},\"reference\":\"wire\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(ledger(reseller)).isEmpty();
	}

}
