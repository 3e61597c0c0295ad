package com.rvssl.order.orders;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.events.SubmissionFailed;
import com.rvssl.order.support.OrderFixtures;
import com.rvssl.order.views.StatusViews;
import com.rvssl.order.views.Views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderLifecycleTests {

	private final Order placed = OrderFixtures.placedOrder();

	@Test
	void aConfiguredOrderIsPlacedWithItsOrderPlacedInTheOutbox() {
		assertThat(placed.state()).isEqualTo(OrderState.PLACED);
		assertThat(placed.outbox()).hasSize(1);
		OrderPlaced event = (OrderPlaced) placed.outbox().get(0).toEnvelope().payload();
		assertThat(event.wholesale()).isEqualTo(Money.of(900, "USD"));
		assertThat(event.caProduct()).isEqualTo("ssl_dv_rapidssl");
		assertThat(placed.outbox().get(0).toEnvelope().correlationId()).isEqualTo(placed.id());
	}

	@Test
	void creditInsufficientMakesTheOrderWaitForPaymentWithTheShortfall() {
		Outcome outcome = OrderLifecycle.apply(placed,
				OrderFixtures.event(placed, new CreditInsufficient(Money.of(900, "USD"), Money.of(100, "USD"))));
		OrderChange change = ((Outcome.Applied) outcome).change();
		assertThat(change.state()).isEqualTo(OrderState.WAITING_FOR_PAYMENT);
		assertThat(change.entry().note()).contains("USD 9.00").contains("USD 1.00");
		assertThat(change.facts().get("shortfall"))
			.isEqualTo(new PaymentShortfall(Money.of(900, "USD"), Money.of(100, "USD")));
		assertThat(change.events()).isEmpty();
	}

	@Test
	void eachEventOfTheHappyPathMovesToItsState() {
		assertThat(target(placed, new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD"))))
			.isEqualTo(OrderState.PAID);
		Order paid = at(OrderState.PAID);
		assertThat(target(paid, new CertificateSubmitted(CertificateAuthority.DIGICERT, "1")))
			.isEqualTo(OrderState.SUBMITTED);
		assertThat(target(paid, new SubmissionFailed("timeout", 1, true))).isEqualTo(OrderState.SUBMISSION_RETRYING);
		assertThat(target(paid, new SubmissionFailed("invalid csr", 1, false))).isEqualTo(OrderState.REJECTED);
		Order submitted = at(OrderState.SUBMITTED);
		assertThat(target(submitted, new CertificateValidationUpdated("pending", "email sent")))
			.isEqualTo(OrderState.PENDING_VALIDATION);
		assertThat(target(at(OrderState.PENDING_VALIDATION),
				new CertificateIssued("1", "ab", Instant.now(), Instant.now(), "CN=CA", "pem")))
			.isEqualTo(OrderState.ISSUED);
		assertThat(target(submitted, new CertificateRejected("fraud check"))).isEqualTo(OrderState.REJECTED);
	}

	@Test
	void aLateEventIsStaleAndNeverMovesTheOrderBack() {
		Order issued = at(OrderState.ISSUED);
		assertThat(OrderLifecycle.apply(issued,
				OrderFixtures.event(issued, new CertificateValidationUpdated("pending", "late"))))
			.isInstanceOf(Outcome.Stale.class);
		Order paid = at(OrderState.PAID);
		assertThat(OrderLifecycle.apply(paid,
				OrderFixtures.event(paid, new CreditInsufficient(Money.of(1, "USD"), Money.of(0, "USD")))))
			.isInstanceOf(Outcome.Stale.class);
	}

	@Test
	void aCertificateWithANewSerialForAnIssuedOrderReplacesTheOldOneAfterAReissue() {
		Order o = at(OrderState.ISSUED);
		Order issued = new Order(o.id(), o.resellerId(), o.productCode(), o.ca(), o.caProduct(), o.validation(),
				o.productType(), o.termMonths(), o.domains(), o.whmcsServiceId(), o.customer(), o.csr(), o.dcv(),
				o.organization(), o.mode(), o.price(), o.state(), "1",
				new CertificateSummary("ab", Instant.now(), Instant.now(), "CN=CA"), "old pem", o.shortfall(),
				o.validationStatus(), o.validationDetail(), o.failureReason(), o.rejectionReason(),
				o.cancellationReason(), o.createdAt(), o.updatedAt(), o.timeline(), o.appliedEventIds(), o.outbox(),
				o.idempotencyKey(), o.requestHash(), o.version());

		Outcome replaced = OrderLifecycle.apply(issued, OrderFixtures.event(issued,
				new CertificateIssued("1", "cd", Instant.now(), Instant.now(), "CN=CA", "new pem")));
		Outcome repeated = OrderLifecycle.apply(issued, OrderFixtures.event(issued,
				new CertificateIssued("1", "AB", Instant.now(), Instant.now(), "CN=CA", "pem")));

		OrderChange change = ((Outcome.Applied) replaced).change();
		assertThat(change.state()).isEqualTo(OrderState.ISSUED);
		assertThat(change.entry().note()).contains("Reissued").contains("cd");
		assertThat(((CertificateSummary) change.facts().get("certificate")).serialNumber()).isEqualTo("cd");
		assertThat(change.facts().get("pemChain")).isEqualTo("new pem");
		assertThat(repeated).isInstanceOf(Outcome.Stale.class);
	}

	@Test
	void aRefundIsANoteThatKeepsTheState() {
		Order rejected = at(OrderState.REJECTED);
		OrderChange change = ((Outcome.Applied) OrderLifecycle.apply(rejected,
				OrderFixtures.event(rejected, new RefundIssued(Money.of(900, "USD"), Money.of(900, "USD")))))
			.change();
		assertThat(change.state()).isEqualTo(OrderState.REJECTED);
		assertThat(change.entry().note()).contains("Refund of USD 9.00");
	}

	@Test
	void ourOwnEventsAreNotForUs() {
		List<OrderEvent> own = List.of((OrderEvent) placed.outbox().get(0).toEnvelope().payload(),
				OrderCancelled.requested("x"), new ReissueRequested("csr"), new DcvResendRequested("admin@example.com"),
				new DcvChangeRequested(null));
		for (Order order : List.of(placed, at(OrderState.PAID), at(OrderState.ISSUED))) {
			assertThat(own).allSatisfy((event) -> {
				assertThat(OrderLifecycle.isOwn(event)).as(event.getClass().getSimpleName()).isTrue();
				assertThat(OrderLifecycle.apply(order, OrderFixtures.event(order, event)))
					.isInstanceOf(Outcome.NotForUs.class);
			});
		}
		assertThat(OrderLifecycle.isOwn(new RefundIssued(Money.of(900, "USD"), Money.of(900, "USD")))).isFalse();
	}

	@Test
	void cancellingAnOrderBillingHasIsARequestThatKeepsItsStateAndRefundsNothing() {
		OrderChange change = OrderLifecycle.cancel(placed, "changed mind", Instant.now());

		assertThat(change.state()).isEqualTo(OrderState.PLACED);
		assertThat(change.entry().note()).startsWith("Cancellation requested: changed mind");
		assertThat(change.events()).singleElement().satisfies((event) -> {
			assertThat(event.payload()).isEqualTo(OrderCancelled.requested("changed mind"));
			assertThat(((OrderCancelled) event.payload()).refundable()).isFalse();
		});
		CancellationRequest request = (CancellationRequest) change.facts().get("cancellation");
		assertThat(request.isPending()).isTrue();
		// asked again while the CA has not answered: nothing more is sent
		assertThat(OrderLifecycle.cancel(withCancellation(placed, request), "again", Instant.now())).isNull();
		assertThatThrownBy(() -> OrderLifecycle.cancel(at(OrderState.ISSUED), "too late", Instant.now()))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void anOrderBillingNeverGotIsCancelledAtOnce() {
		OrderChange change = OrderLifecycle.cancel(at(OrderState.AWAITING_APPROVAL), "changed mind", Instant.now());

		assertThat(change.state()).isEqualTo(OrderState.CANCELLED);
		assertThat(change.events()).singleElement()
			.satisfies((event) -> assertThat(event.payload()).isEqualTo(OrderCancelled.requested("changed mind")));
	}

	@Test
	void theGatewaysConfirmationCancelsTheOrderOnce() {
		Order validating = withCancellation(at(OrderState.PENDING_VALIDATION),
				new CancellationRequest(Instant.now(), "changed mind", null));

		OrderChange change = ((Outcome.Applied) OrderLifecycle.apply(validating,
				OrderFixtures.event(validating, new CertificateCancelled("Cancelled at the CA", true, "DC-1"))))
			.change();

		assertThat(change.state()).isEqualTo(OrderState.CANCELLED);
		assertThat(change.entry().note()).contains("Cancelled at the certificate authority").contains("DC-1");
		assertThat(OrderLifecycle.apply(at(OrderState.CANCELLED),
				OrderFixtures.event(validating, new CertificateCancelled("Cancelled at the CA", true, "DC-1"))))
			.isInstanceOf(Outcome.Stale.class);
	}

	@Test
	void aCancelRacingWithIssuanceEndsIssuedWithTheCasReasonInEveryView() {
		Order validating = withCancellation(at(OrderState.PENDING_VALIDATION),
				new CancellationRequest(Instant.now(), "changed mind", null));

		// the CA issued before the cancellation reached it: the order still goes to
		// ISSUED
		OrderChange issuing = ((Outcome.Applied) OrderLifecycle
			.apply(validating,
					OrderFixtures.event(validating,
							new CertificateIssued("DC-1", "ab", Instant.now(), Instant.now(), "CN=CA", "pem"))))
			.change();
		assertThat(issuing.state()).isEqualTo(OrderState.ISSUED);
		Order issued = withCancellation(at(OrderState.ISSUED), validating.cancellation());

		OrderChange refusal = ((Outcome.Applied) OrderLifecycle.apply(issued,
				OrderFixtures.event(issued, new CancellationRefused("the certificate is issued already", "DC-1"))))
			.change();

		assertThat(refusal.state()).isEqualTo(OrderState.ISSUED);
		assertThat(refusal.entry().note()).isEqualTo("Cancellation refused: the certificate is issued already");
		assertThat(refusal.events()).isEmpty();
		CancellationRequest answered = (CancellationRequest) refusal.facts().get("cancellation");
		assertThat(answered.isPending()).isFalse();
		Views views = StatusViews.of(withCancellation(issued, answered));
		assertThat(List.of(views.client(), views.admin(), views.provider())).allSatisfy((view) -> {
			assertThat(view.status()).isIn("Issued", "Active", "Complete");
			assertThat(view.detail()).contains("Cancellation refused: the certificate is issued already");
		});
	}

	static Order withCancellation(Order o, CancellationRequest cancellation) {
		return new Order(o.id(), o.resellerId(), o.productCode(), o.ca(), o.caProduct(), o.validation(),
				o.productType(), o.termMonths(), o.domains(), o.whmcsServiceId(), o.customer(), o.csr(), o.dcv(),
				o.organization(), o.mode(), o.price(), o.state(), o.caOrderId(), o.certificate(), o.pemChain(),
				o.shortfall(), o.validationStatus(), o.validationDetail(), o.failureReason(), o.rejectionReason(),
				o.cancellationReason(), o.createdAt(), o.updatedAt(), o.timeline(), o.appliedEventIds(), o.outbox(),
				o.idempotencyKey(), o.requestHash(), o.version(), o.validationProgress(), cancellation);
	}

	@Test
	void aDcvChangeKeepsTheStateStoresTheMethodAndAsksTheGatewayOnce() {
		Order validating = at(OrderState.PENDING_VALIDATION);
		Dcv dns = new Dcv(DcvMethod.DNS, null);

		OrderChange change = OrderLifecycle.changeDcv(validating, dns, Instant.now());

		assertThat(change.state()).isEqualTo(OrderState.PENDING_VALIDATION);
		assertThat(change.entry().note()).isEqualTo("Validation method changed to DNS record");
		assertThat(change.facts()).containsEntry("dcv", dns);
		assertThat(change.events()).singleElement()
			.satisfies((event) -> assertThat(event.payload()).isEqualTo(new DcvChangeRequested(dns)));
	}

	@Test
	void aDcvChangeToTheMethodTheOrderHasAlreadyChangesNothing() {
		Order validating = at(OrderState.SUBMITTED);
		Dcv sameApprover = new Dcv(validating.dcv().method(),
				validating.dcv().approverEmail().toUpperCase(java.util.Locale.ROOT));

		assertThat(OrderLifecycle.changeDcv(validating, sameApprover, Instant.now())).isNull();
	}

	@Test
	void aDcvChangeIsRefusedBeforeTheCaHasTheOrderAndAfterIssuance() {
		for (OrderState state : new OrderState[] { OrderState.PLACED, OrderState.PAID, OrderState.SUBMISSION_RETRYING,
				OrderState.ISSUED, OrderState.REJECTED, OrderState.CANCELLED }) {
			assertThatThrownBy(() -> OrderLifecycle.changeDcv(at(state), new Dcv(DcvMethod.DNS, null), Instant.now()))
				.as("%s", state)
				.isInstanceOf(IllegalTransitionException.class);
		}
	}

	private static OrderState target(Order order, com.rvssl.contracts.events.OrderEvent event) {
		Outcome outcome = OrderLifecycle.apply(order, OrderFixtures.event(order, event));
		assertThat(outcome).isInstanceOf(Outcome.Applied.class);
		return ((Outcome.Applied) outcome).change().state();
	}

	static Order at(OrderState state) {
		Order o = OrderFixtures.placedOrder();
		return new Order(o.id(), o.resellerId(), o.productCode(), o.ca(), o.caProduct(), o.validation(),
				o.productType(), o.termMonths(), o.domains(), o.whmcsServiceId(), o.customer(), o.csr(), o.dcv(),
				o.organization(), o.mode(), o.price(), state, o.caOrderId(), o.certificate(), o.pemChain(),
				o.shortfall(), o.validationStatus(), o.validationDetail(), o.failureReason(), o.rejectionReason(),
				o.cancellationReason(), o.createdAt(), o.updatedAt(), o.timeline(), o.appliedEventIds(), o.outbox(),
				o.idempotencyKey(), o.requestHash(), o.version());
	}

}
