package com.rvssl.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefundsIntegrationTests extends BillingIntegrationTest {

	@Test
	void aCancellationTheGatewayConfirmsIsRefundedOnceHoweverOftenItIsDelivered() {
		Reseller reseller = newReseller();
		topUp(reseller, 5_000);
		String orderId = newOrderId();
		publish(orderPlaced(reseller, orderId, 2_000));
		eventually().until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> !events.isEmpty());

		// the reseller's request alone moves no money: the CA may still refuse it
		awaitHandled(publish(orderEvent(reseller, orderId, OrderCancelled.requested("customer"))));
		assertThat(topics.distinct(orderId, RefundIssued.class)).isEmpty();
		assertThat(account(reseller).balance().amount()).isEqualTo(3_000);

		EventEnvelope confirmed = orderEvent(reseller, orderId,
				new CertificateCancelled("Cancelled at the CA (order ca-7)", true, "ca-7"));
		publish(confirmed);
		publish(confirmed);
		publish(orderEvent(reseller, orderId, new CertificateCancelled("Cancelled at the CA again", true, "ca-7")));
		awaitHandled(publish(orderEvent(reseller, orderId, new CertificateRejected("too late to matter"))));

		RefundIssued refund = (RefundIssued) eventually()
			.until(() -> topics.distinct(orderId, RefundIssued.class), (events) -> !events.isEmpty())
			.get(0)
			.payload();
		assertThat(refund.amount().amount()).isEqualTo(2_000);
		assertThat(refund.balanceAfter().amount()).isEqualTo(5_000);
		assertThat(topics.distinct(orderId, RefundIssued.class)).hasSize(1);
		List<LedgerLine> ledger = ledger(reseller);
		assertThat(ledger).hasSize(3);
		assertThat(ledger).filteredOn((line) -> line.type().equals("REFUND")).singleElement().satisfies((line) -> {
			assertThat(line.orderId()).isEqualTo(orderId);
			assertThat(line.amount().amount()).isEqualTo(2_000);
		});
		assertThat(account(reseller).balance().amount()).isEqualTo(5_000).isEqualTo(ledgerSum(ledger));
	}

	@Test
	void aCancellationTheCaRefusesBecauseItIssuedRefundsNothingAndTheOrderShowsWhy() {
		Reseller reseller = newReseller();
		String orderId = chargedOrder(reseller);

		publish(orderEvent(reseller, orderId, OrderCancelled.requested("customer changed their mind")));
		publish(orderEvent(reseller, orderId, issuedCertificate()));
		awaitHandled(publish(
				orderEvent(reseller, orderId, new CancellationRefused("The certificate is issued already", "ca-1"))));

		assertThat(topics.distinct(orderId, RefundIssued.class)).isEmpty();
		assertThat(ledger(reseller)).extracting(LedgerLine::type).containsExactly("CHARGE", "TOP_UP");
		assertThat(account(reseller).balance().amount()).isEqualTo(1_500);
	}

	@Test
	void aCancelledWaitingOrderLeavesTheQueueWithoutMovingMoney() {
		Reseller reseller = newReseller();
		topUp(reseller, 100);
		String orderId = newOrderId();
		publish(orderPlaced(reseller, orderId, 2_000));
		eventually().until(() -> waitingOrders(reseller), (waiting) -> waiting.size() == 1);

		publish(orderEvent(reseller, orderId, OrderCancelled.requested("customer")));

		eventually().until(() -> waitingOrders(reseller), List::isEmpty);
		assertThat(account(reseller).balance().amount()).isEqualTo(100);
		assertThat(account(reseller).waitingForPayment().count()).isZero();
		assertThat(ledger(reseller)).extracting(LedgerLine::type).containsExactly("TOP_UP");
		// and it is never charged later, neither by a top-up nor by a redelivered
		// OrderPlaced
		assertThat(topUp(reseller, 5_000).released()).isEmpty();
		awaitHandled(publish(orderPlaced(reseller, orderId, 2_000)));
		assertThat(account(reseller).balance().amount()).isEqualTo(5_100);
		assertThat(topics.distinct(orderId, PaymentCaptured.class)).isEmpty();
		assertThat(topics.distinct(orderId, RefundIssued.class)).isEmpty();
	}

	@Test
	void cancellingTheOrderAtTheHeadOfTheQueueReleasesTheOrdersBehindItThatFit() {
		Reseller reseller = newReseller();
		topUp(reseller, 1_000);
		String big = newOrderId();
		String small = newOrderId();
		publish(orderPlaced(reseller, big, 9_000));
		eventually().until(() -> topics.distinct(big, CreditInsufficient.class), (events) -> !events.isEmpty());
		publish(orderPlaced(reseller, small, 600));
		eventually().until(() -> topics.distinct(small, CreditInsufficient.class), (events) -> !events.isEmpty());

		publish(orderEvent(reseller, big, OrderCancelled.requested("changed mind")));

		eventually().until(() -> topics.distinct(small, PaymentCaptured.class), (events) -> !events.isEmpty());
		assertThat(waitingOrders(reseller)).isEmpty();
		assertThat(account(reseller).balance().amount()).isEqualTo(400);
	}

	@Test
	void aRejectedCertificateIsRefunded() {
		Reseller reseller = newReseller();
		String orderId = chargedOrder(reseller);

		publish(orderEvent(reseller, orderId, new CertificateRejected("CAA record forbids the CA")));

		RefundIssued refund = (RefundIssued) eventually()
			.until(() -> topics.distinct(orderId, RefundIssued.class), (events) -> !events.isEmpty())
			.get(0)
			.payload();
		assertThat(refund.balanceAfter().amount()).isEqualTo(3_000);
		assertThat(eventually().until(() -> account(reseller).balance().amount(), (balance) -> balance == 3_000))
			.isEqualTo(ledgerSum(ledger(reseller)));
	}

	@Test
	void aRejectedReissueOfAnIssuedCertificateRefundsNothing() {
		Reseller reseller = newReseller();
		String orderId = chargedOrder(reseller);
		EventEnvelope issued = orderEvent(reseller, orderId, issuedCertificate());
		publish(issued);

		// the customer asked for a reissue over a new CSR and the CA refused it: the
		// certificate issued before stays theirs, and so does the charge
		EventEnvelope rejected = orderEvent(reseller, orderId, new CertificateRejected("reissue refused by the CA"));
		publish(rejected);
		publish(issued);
		awaitHandled(publish(rejected));

		assertThat(account(reseller).balance().amount()).as("balance after the rejected reissue").isEqualTo(1_500);
		List<LedgerLine> ledger = ledger(reseller);
		assertThat(ledger).extracting(LedgerLine::type).containsExactly("CHARGE", "TOP_UP");
		assertThat(ledgerSum(ledger)).isEqualTo(1_500);
		assertThat(topics.distinct(orderId, RefundIssued.class)).isEmpty();
	}

	@Test
	void aRejectionDeliveredBeforeTheIssuedEventRefundsOnceAsBefore() {
		Reseller reseller = newReseller();
		String orderId = chargedOrder(reseller);

		EventEnvelope rejected = orderEvent(reseller, orderId, new CertificateRejected("CAA record forbids the CA"));
		publish(rejected);
		publish(orderEvent(reseller, orderId, issuedCertificate()));
		awaitHandled(publish(rejected));

		eventually().until(() -> topics.distinct(orderId, RefundIssued.class), (events) -> !events.isEmpty());
		assertThat(topics.distinct(orderId, RefundIssued.class)).hasSize(1);
		assertThat(ledger(reseller)).extracting(LedgerLine::type).containsExactly("REFUND", "CHARGE", "TOP_UP");
		assertThat(account(reseller).balance().amount()).isEqualTo(3_000);
	}

	@Test
	void theIssuanceOfAChargedOrderIsNotedOnceOnItsPaymentAndMovesNoMoney() {
		Reseller reseller = newReseller();
		String orderId = chargedOrder(reseller);

		EventEnvelope issued = orderEvent(reseller, orderId, issuedCertificate());
		awaitHandled(publish(issued));
		Instant noted = issuanceNotedAt(orderId);
		// the same event again, then a later one (a reissue's certificate)
		publish(issued);
		awaitHandled(publish(orderEvent(reseller, orderId, issuedCertificate())));

		assertThat(noted).as("noted from the first CertificateIssued")
			.isEqualTo(issued.occurredAt().truncatedTo(ChronoUnit.MILLIS));
		assertThat(issuanceNotedAt(orderId)).as("the first issuance counts").isEqualTo(noted);
		assertThat(account(reseller).balance().amount()).isEqualTo(1_500);
		assertThat(ledger(reseller)).extracting(LedgerLine::type).containsExactly("CHARGE", "TOP_UP");
	}

	@Test
	void aNonRefundableCancellationOfAChargedOrderKeepsTheCharge() {
		Reseller reseller = newReseller();
		String orderId = chargedOrder(reseller);

		awaitHandled(publish(orderEvent(reseller, orderId, new CertificateCancelled("revoked late", false, "ca-2"))));

		assertThat(topics.distinct(orderId, RefundIssued.class)).isEmpty();
		assertThat(account(reseller).balance().amount()).isEqualTo(1_500);
	}

	/** An order of 1,500 charged to {@code reseller}, topped up with 3,000 first. */
	private String chargedOrder(Reseller reseller) {
		topUp(reseller, 3_000);
		String orderId = newOrderId();
		publish(orderPlaced(reseller, orderId, 1_500));
		eventually().until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> !events.isEmpty());
		return orderId;
	}

	private Instant issuanceNotedAt(String orderId) {
		Document payment = mongo.findById(orderId, Document.class, "order_payments").block(Duration.ofSeconds(10));
		assertThat(payment).as("the order's payment record").isNotNull();
		return payment.getDate("issuedAt").toInstant();
	}

	private static CertificateIssued issuedCertificate() {
		Instant notBefore = Instant.now();
		return new CertificateIssued("ca-1", "0a1b2c", notBefore, notBefore.plus(Duration.ofDays(199)), "Test CA",
				"-----BEGIN CERTIFICATE-----");
	}

}
