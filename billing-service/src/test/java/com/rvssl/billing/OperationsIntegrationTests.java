package com.rvssl.billing;

import com.rvssl.contracts.events.CreditInsufficient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsIntegrationTests extends BillingIntegrationTest {

	@Test
	void livenessAndReadinessIncludingTheDatabasePingAreUp() {
		web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mongoPing.status")
			.isEqualTo("UP");
	}

	@Test
	void prometheusShowsEachResellersBalanceAndWaitingOrders() {
		Reseller reseller = newReseller();
		topUp(reseller, 1_234);
		String orderId = newOrderId();
		publish(orderPlaced(reseller, orderId, 5_000));
		eventually().until(() -> topics.distinct(orderId, CreditInsufficient.class), (events) -> !events.isEmpty());

		String tag = "resellerId=\"" + reseller.resellerId() + "\"";
		String metrics = eventually().until(() -> scrape(),
				(text) -> text.contains("billing_waiting_orders{" + tag + "} 1.0"));
		assertThat(metrics).contains("billing_account_balance{" + tag + "} 1234.0")
			.contains("billing_waiting_amount{" + tag + "} 5000.0")
			.contains("billing_charges_total");
	}

	private String scrape() {
		return web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
