package com.rvssl.billing;

import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.RefundIssued;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsIntegrationTests extends BillingIntegrationTest {

	@Autowired
	MeterRegistry registry;

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

	@Test
	void everyChargeAndEveryRefundIsCountedOnceAndTheGaugesFollowTheBalance() {
		Reseller reseller = newReseller();
		topUp(reseller, 3_000);
		double chargesBefore = registry.get("billing.charges").counter().count();
		double refundsBefore = registry.get("billing.refunds").counter().count();
		String orderId = newOrderId();

		awaitHandled(publish(orderPlaced(reseller, orderId, 1_000)));
		awaitHandled(publish(orderPlaced(reseller, orderId, 1_000)));
		awaitHandled(publish(orderEvent(reseller, orderId, new CertificateRejected("CAA"))));
		awaitHandled(publish(orderEvent(reseller, orderId, new CertificateRejected("CAA"))));
		eventually().until(() -> topics.distinct(orderId, RefundIssued.class), (events) -> !events.isEmpty());

		// other tests' orders may count too, so at least one each, and never two for this
		// order
		assertThat(registry.get("billing.charges").counter().count() - chargesBefore).isGreaterThanOrEqualTo(1);
		assertThat(registry.get("billing.refunds").counter().count() - refundsBefore).isGreaterThanOrEqualTo(1);
		String tag = "resellerId=\"" + reseller.resellerId() + "\"";
		assertThat(eventually().until(() -> scrape(),
				(text) -> text.contains("billing_account_balance{" + tag + "} 3000.0")))
			.contains("billing_refunds_total")
			.contains("billing_waiting_orders{" + tag + "} 0.0");
	}

	private String scrape() {
		// the scrape outgrows the test client's default 256 KB buffer (per-reseller
		// gauges, every consumer's Kafka metrics)
		return web.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
