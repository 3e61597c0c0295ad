package com.rvssl.order.views;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.rvssl.contracts.Money;
import com.rvssl.order.orders.CertificateSummary;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderState;
import com.rvssl.order.orders.PaymentShortfall;
import com.rvssl.order.support.OrderFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class StatusViewsTests {

	@Test
	void waitingForPaymentReadsExactlyAsTheContractSays() {
		Order waiting = with(OrderState.WAITING_FOR_PAYMENT, null, null,
				new PaymentShortfall(Money.of(900, "USD"), Money.of(250, "USD")));
		Views views = StatusViews.of(waiting);
		assertThat(views.client().status()).isEqualTo("Waiting Submit Order");
		assertThat(views.admin().status()).isEqualTo("Waiting for Payment on RVglobalsoft.com");
		assertThat(views.provider().status()).isEqualTo("Waiting for Payment");
		assertThat(views.admin().detail()).contains("USD 6.50");
		assertThat(views.client().detail()).doesNotContain("credit").doesNotContain("USD");
	}

	@Test
	void anIssuedOrderIsCompleteForTheProvider() {
		Order issued = with(OrderState.ISSUED, new CertificateSummary("ab", Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2027-01-01T00:00:00Z"), "CN=CA"), null, null);
		Views views = StatusViews.of(issued);
		assertThat(views.provider().status()).isEqualTo("Complete");
		assertThat(views.client().status()).isEqualTo("Issued");
		assertThat(views.admin().status()).isEqualTo("Active");
		assertThat(views.admin().detail()).contains("2027-01-01");
	}

	@Test
	void aRejectionShowsTheCasReason() {
		Order rejected = with(OrderState.REJECTED, null, "domain on a blocklist", null);
		assertThat(StatusViews.of(rejected).admin().detail()).contains("domain on a blocklist");
		assertThat(StatusViews.of(rejected).client().status()).isEqualTo("Rejected");
	}

	@Test
	void pendingValidationTellsWhichEmailMustApprove() {
		Order pending = with(OrderState.PENDING_VALIDATION, null, null, null);
		assertThat(StatusViews.of(pending).client().detail()).contains("admin@example.com");
	}

	@ParameterizedTest
	@EnumSource(OrderState.class)
	void everyStateHasThreeViewsWithStatusAndDetail(OrderState state) {
		Views views = StatusViews.of(with(state, null, null, null));
		for (View view : new View[] { views.client(), views.admin(), views.provider() }) {
			assertThat(view.status()).isNotBlank();
			assertThat(view.detail()).isNotBlank();
		}
	}

	private static Order with(OrderState state, CertificateSummary certificate, String rejection,
			PaymentShortfall shortfall) {
		Order o = OrderFixtures.placedOrder();
		return new Order(o.id(), o.resellerId(), o.productCode(), o.ca(), o.caProduct(), o.validation(),
				o.productType(), o.termMonths(), o.domains(), o.whmcsServiceId(), o.customer(), o.csr(), o.dcv(),
				o.organization(), o.mode(), o.price(), state, o.caOrderId(), certificate, o.pemChain(), shortfall,
				o.validationStatus(), o.validationDetail(), o.failureReason(), rejection, o.cancellationReason(),
				o.createdAt(), o.updatedAt(), o.timeline(), o.appliedEventIds(), o.outbox(), o.idempotencyKey(),
				o.requestHash(), o.version());
	}

}
