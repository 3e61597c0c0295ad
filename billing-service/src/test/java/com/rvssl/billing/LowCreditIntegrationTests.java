package com.rvssl.billing;

import java.util.List;
import java.util.Map;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditLow;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class LowCreditIntegrationTests extends BillingIntegrationTest {

	@Test
	void aChargeThatTakesTheBalanceBelowTheResellersThresholdSignalsCreditLowOncePerCrossing() {
		Reseller reseller = newReseller();
		topUp(reseller, 5_000);
		setThreshold(reseller, Map.of("amount", 2_500, "currency", "USD")).expectStatus().isOk();
		assertThat(account(reseller).lowCreditThreshold().amount()).isEqualTo(2_500);

		// 5000 -> 4000 -> 3000 -> 2000 (crosses: CreditLow) -> 1000 (still below: nothing
		// new)
		List.of(newOrderId(), newOrderId(), newOrderId(), newOrderId())
			.forEach((orderId) -> awaitHandled(publish(orderPlaced(reseller, orderId, 1_000))));
		List<CreditLow> first = eventually().until(() -> creditLows(reseller), (events) -> !events.isEmpty());
		assertThat(first).singleElement().satisfies((low) -> {
			assertThat(low.balance().amount()).isEqualTo(2_000);
			assertThat(low.threshold().amount()).isEqualTo(2_500);
		});

		// a top-up back above the line re-arms the signal; the next crossing signals
		// again
		topUp(reseller, 5_000);
		awaitHandled(publish(orderPlaced(reseller, newOrderId(), 4_000)));
		List<CreditLow> both = eventually().until(() -> creditLows(reseller), (events) -> events.size() == 2);
		assertThat(both.get(1).balance().amount()).isEqualTo(2_000);

		// credit too short: the CreditInsufficient event is the signal there, no extra
		// CreditLow
		String waiting = newOrderId();
		awaitHandled(publish(orderPlaced(reseller, waiting, 9_000)));
		eventually().until(() -> topics.distinct(waiting, CreditInsufficient.class), (events) -> !events.isEmpty());
		assertThat(creditLows(reseller)).hasSize(2);
	}

	@Test
	void aThresholdInAnotherCurrencyIsA422ProblemAndANegativeOneA400() {
		Reseller reseller = newReseller();

		setThreshold(reseller, Map.of("amount", 1_000, "currency", "EUR")).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType("application/problem+json");
		setThreshold(reseller, Map.of("amount", -1, "currency", "USD")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("threshold.amount");
		assertThat(account(reseller).lowCreditThreshold().amount()).isZero();
	}

	private WebTestClient.ResponseSpec setThreshold(Reseller reseller, Map<String, Object> threshold) {
		return web.put()
			.uri("/api/v1/account/low-credit-threshold")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.bodyValue(Map.of("threshold", threshold))
			.exchange();
	}

	private List<CreditLow> creditLows(Reseller reseller) {
		return topics.accountEvents(reseller.resellerId())
			.stream()
			.map(EventEnvelope::payload)
			.filter(CreditLow.class::isInstance)
			.map(CreditLow.class::cast)
			.toList();
	}

}
