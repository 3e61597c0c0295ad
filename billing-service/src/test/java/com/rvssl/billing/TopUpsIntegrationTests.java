package com.rvssl.billing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TopUpsIntegrationTests extends BillingIntegrationTest {

	@Test
	void theSameIdempotencyKeyCreditsOnceAndAnswersTheSame() {
		Reseller reseller = newReseller();
		Map<String, Object> body = Map.of("amount", Map.of("amount", 2_000, "currency", "USD"), "reference",
				"invoice 42");

		TopUpReceipt first = topUpWithKey(reseller, "key-1", body).expectStatus()
			.isCreated()
			.expectBody(TopUpReceipt.class)
			.returnResult()
			.getResponseBody();
		TopUpReceipt again = topUpWithKey(reseller, "key-1", body).expectStatus()
			.isOk()
			.expectBody(TopUpReceipt.class)
			.returnResult()
			.getResponseBody();

		assertThat(again).isEqualTo(first);
		assertThat(first.balanceAfter().amount()).isEqualTo(2_000);
		assertThat(first.reference()).isEqualTo("invoice 42");
		assertThat(account(reseller).balance().amount()).isEqualTo(2_000);
		assertThat(ledger(reseller)).singleElement().satisfies((line) -> {
			assertThat(line.type()).isEqualTo("TOP_UP");
			assertThat(line.id()).isEqualTo(first.id());
		});
		eventually().until(() -> topics.accountEvents(reseller.resellerId())
			.stream()
			.filter((event) -> event.type().equals("CreditToppedUp"))
			.count() == 1);
	}

	@Test
	void anIdempotencyKeyReusedForAnotherAmountIsRefused() {
		Reseller reseller = newReseller();
		topUpWithKey(reseller, "key-2", Map.of("amount", Map.of("amount", 100, "currency", "USD"))).expectStatus()
			.isCreated();

		topUpWithKey(reseller, "key-2", Map.of("amount", Map.of("amount", 900, "currency", "USD"))).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(account(reseller).balance().amount()).isEqualTo(100);
	}

	@Test
	void aTopUpInAnotherCurrencyThanTheAccountsIsUnprocessable() {
		Reseller reseller = newReseller();

		topUpWithKey(reseller, "eur", Map.of("amount", Map.of("amount", 100, "currency", "EUR"))).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("USD").contains("EUR"));
		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void badJsonIsABadRequestProblem() {
		Reseller reseller = newReseller();

		web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", "bad-json")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"amount\": {\"amount\": 12,")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void aTopUpWithoutAnIdempotencyKeyIsABadRequestProblem() {
		Reseller reseller = newReseller();

		web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.bodyValue(Map.of("amount", Map.of("amount", 100, "currency", "USD")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void aTopUpOfNothingIsInvalid() {
		Reseller reseller = newReseller();

		topUpWithKey(reseller, "zero", Map.of("amount", Map.of("amount", 0, "currency", "USD"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("amount.amount");
	}

	private WebTestClient.ResponseSpec topUpWithKey(Reseller reseller, String key, Map<String, Object> body) {
		return web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange();
	}

}
