package com.rvssl.order.orders;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.order.support.OrderFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AutoOrderSetupTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void underAutomaticAConfiguredOrderGoesToBillingAtOnce() {
		Order order = open(AutoOrderMode.AUTOMATIC);
		assertThat(order.state()).isEqualTo(OrderState.PLACED);
		assertThat(order.outbox()).singleElement()
			.extracting((entry) -> entry.toEnvelope().payload())
			.isInstanceOf(OrderPlaced.class);
	}

	@Test
	void underTheOtherModesAConfiguredOrderWaitsForApprovalWithNoEvent() {
		for (AutoOrderMode mode : List.of(AutoOrderMode.ON_RESELLER_APPROVAL, AutoOrderMode.MANUAL)) {
			Order order = open(mode);
			assertThat(order.state()).isEqualTo(OrderState.AWAITING_APPROVAL);
			assertThat(order.outbox()).isEmpty();
			assertThat(order.timeline().get(0).note()).contains(mode.name());

			OrderChange approved = OrderLifecycle.approve(order, NOW);
			assertThat(approved.state()).isEqualTo(OrderState.PLACED);
			assertThat(approved.events()).singleElement()
				.extracting((event) -> event.payload())
				.isInstanceOf(OrderPlaced.class);
		}
	}

	@Test
	void anOrderNotAwaitingApprovalCannotBeApproved() {
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> OrderLifecycle.approve(open(AutoOrderMode.AUTOMATIC), NOW))
			.withMessageContaining("PLACED");
	}

	@Test
	void theApprovalEmailIsResentOnlyWhileTheCaValidatesByEmail() {
		Order placed = open(AutoOrderMode.AUTOMATIC);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> OrderLifecycle.resendDcv(placed, NOW));

		Order validating = in(placed, OrderState.PENDING_VALIDATION);
		OrderChange resend = OrderLifecycle.resendDcv(validating, NOW);
		assertThat(resend.state()).isEqualTo(OrderState.PENDING_VALIDATION);
		assertThat(resend.events()).singleElement()
			.extracting((event) -> event.payload())
			.isEqualTo(new DcvResendRequested("admin@example.com"));
	}

	@Test
	void onlyAnIssuedCertificateIsReissuedAndTheOrderStaysIssued() {
		Order placed = open(AutoOrderMode.AUTOMATIC);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> OrderLifecycle.reissue(placed, "csr", NOW));

		OrderChange reissue = OrderLifecycle.reissue(in(placed, OrderState.ISSUED), "new-csr", NOW);
		assertThat(reissue.state()).isEqualTo(OrderState.ISSUED);
		assertThat(reissue.entry().note()).isEqualTo("Reissue requested");
		assertThat(reissue.events()).singleElement()
			.extracting((event) -> event.payload())
			.isEqualTo(new ReissueRequested("new-csr"));
	}

	private static Order open(AutoOrderMode mode) {
		OrderDraft draft = new OrderDraft(OrderFixtures.RAPIDSSL, OrderFixtures.RAPIDSSL.prices().get(0),
				List.of("example.com"), "svc-1", new Customer("Somchai", "somchai@example.com"),
				new Configuration("csr", new Dcv(DcvMethod.EMAIL, "admin@example.com"), null));
		return Order.open("order-1", "reseller-1", draft, mode, NOW, null, "hash");
	}

	private static Order in(Order o, OrderState state) {
		return new Order(o.id(), o.resellerId(), o.productCode(), o.ca(), o.caProduct(), o.validation(),
				o.productType(), o.termMonths(), o.domains(), o.whmcsServiceId(), o.customer(), o.csr(), o.dcv(),
				o.organization(), o.mode(), o.price(), state, o.caOrderId(), o.certificate(), o.pemChain(),
				o.shortfall(), o.validationStatus(), o.validationDetail(), o.failureReason(), o.rejectionReason(),
				o.cancellationReason(), o.createdAt(), o.updatedAt(), o.timeline(), o.appliedEventIds(), List.of(),
				o.idempotencyKey(), o.requestHash(), o.version());
	}

}
