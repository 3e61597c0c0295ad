package com.rvssl.billing;

import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.PaymentCaptured;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChargingIntegrationTests extends BillingIntegrationTest {

	@Test
	void anOrderPlacedWithEnoughCreditIsChargedAndTheLedgerAddsUpToTheBalance() {
		Reseller reseller = newReseller();
		topUp(reseller, 10_000);
		String orderId = newOrderId();

		publish(orderPlaced(reseller, orderId, 2_500));

		EventEnvelope captured = eventually()
			.until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> !events.isEmpty())
			.get(0);
		PaymentCaptured payment = (PaymentCaptured) captured.payload();
		assertThat(payment.amount().amount()).isEqualTo(2_500);
		assertThat(payment.balanceAfter().amount()).isEqualTo(7_500);
		assertThat(captured.correlationId()).isEqualTo("corr-" + orderId);
		List<LedgerLine> ledger = eventually().until(() -> ledger(reseller), (lines) -> lines.size() == 2);
		assertThat(ledger).extracting(LedgerLine::type).containsExactly("CHARGE", "TOP_UP");
		assertThat(ledger.get(0).orderId()).isEqualTo(orderId);
		assertThat(ledger.get(0).balanceAfter().amount()).isEqualTo(7_500);
		assertThat(account(reseller).balance().amount()).isEqualTo(7_500).isEqualTo(ledgerSum(ledger));
	}

	@Test
	void anOrderThatTheCreditDoesNotCoverWaitsForPaymentUntilATopUpReleasesIt() {
		Reseller reseller = newReseller();
		topUp(reseller, 1_000);
		String orderId = newOrderId();

		publish(orderPlaced(reseller, orderId, 4_000));

		EventEnvelope insufficient = eventually()
			.until(() -> topics.distinct(orderId, CreditInsufficient.class), (events) -> !events.isEmpty())
			.get(0);
		assertThat(((CreditInsufficient) insufficient.payload()).required().amount()).isEqualTo(4_000);
		assertThat(((CreditInsufficient) insufficient.payload()).balance().amount()).isEqualTo(1_000);
		assertThat(waitingOrders(reseller)).singleElement().satisfies((line) -> {
			assertThat(line.orderId()).isEqualTo(orderId);
			assertThat(line.amount().amount()).isEqualTo(4_000);
			assertThat(line.status()).isEqualTo("Waiting for Payment");
		});
		AccountView account = account(reseller);
		assertThat(account.waitingForPayment().count()).isEqualTo(1);
		assertThat(account.waitingForPayment().amount().amount()).isEqualTo(4_000);
		assertThat(topics.distinct(orderId, PaymentCaptured.class)).isEmpty();

		TopUpReceipt receipt = topUp(reseller, 3_000);

		assertThat(receipt.released()).containsExactly(orderId);
		assertThat(receipt.balanceAfter().amount()).isEqualTo(4_000);
		PaymentCaptured payment = (PaymentCaptured) eventually()
			.until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> !events.isEmpty())
			.get(0)
			.payload();
		assertThat(payment.balanceAfter().amount()).isZero();
		assertThat(waitingOrders(reseller)).isEmpty();
		assertThat(account(reseller).waitingForPayment().count()).isZero();
		List<LedgerLine> ledger = ledger(reseller);
		assertThat(ledger).extracting(LedgerLine::type).containsExactly("CHARGE", "TOP_UP", "TOP_UP");
		assertThat(ledgerSum(ledger)).isZero();
	}

	@Test
	void waitingOrdersAreReleasedStrictlyOldestFirst() {
		Reseller reseller = newReseller();
		topUp(reseller, 1_000);
		String big = newOrderId();
		String small = newOrderId();

		publish(orderPlaced(reseller, big, 5_000));
		eventually().until(() -> topics.distinct(big, CreditInsufficient.class), (events) -> !events.isEmpty());
		publish(orderPlaced(reseller, small, 500));

		// the small order would fit, but an earlier order waits: it queues behind it
		eventually().until(() -> topics.distinct(small, CreditInsufficient.class), (events) -> !events.isEmpty());
		assertThat(topics.distinct(small, PaymentCaptured.class)).isEmpty();
		assertThat(waitingOrders(reseller)).extracting(WaitingLine::orderId).containsExactly(big, small);

		TopUpReceipt receipt = topUp(reseller, 4_000);

		assertThat(receipt.released()).containsExactly(big);
		eventually().until(() -> topics.distinct(big, PaymentCaptured.class), (events) -> !events.isEmpty());
		assertThat(waitingOrders(reseller)).extracting(WaitingLine::orderId).containsExactly(small);
		assertThat(account(reseller).balance().amount()).isZero();

		assertThat(topUp(reseller, 500).released()).containsExactly(small);
		eventually().until(() -> topics.distinct(small, PaymentCaptured.class), (events) -> !events.isEmpty());
		assertThat(waitingOrders(reseller)).isEmpty();
	}

	@Test
	void waitingOrdersAreReleasedByWhenTheyWerePlacedNotByWhenBillingHeardOfThem() {
		Reseller reseller = newReseller();
		Instant now = Instant.now();
		String oldest = newOrderId();
		String middle = newOrderId();
		String newest = newOrderId();

		// delivered newest first: the three consumer threads over twelve partitions
		// handle a reseller's orders in no particular order
		publish(orderPlacedAt(reseller, newest, 1_000, now.minusSeconds(10)));
		eventually().until(() -> topics.distinct(newest, CreditInsufficient.class), (events) -> !events.isEmpty());
		publish(orderPlacedAt(reseller, oldest, 1_000, now.minusSeconds(30)));
		eventually().until(() -> topics.distinct(oldest, CreditInsufficient.class), (events) -> !events.isEmpty());
		publish(orderPlacedAt(reseller, middle, 1_000, now.minusSeconds(20)));
		eventually().until(() -> topics.distinct(middle, CreditInsufficient.class), (events) -> !events.isEmpty());

		assertThat(topUp(reseller, 1_000).released()).as("released by a top-up for one order").containsExactly(oldest);
		assertThat(waitingOrders(reseller)).as("the queue left, oldest placed first")
			.extracting(WaitingLine::orderId)
			.containsExactly(middle, newest);
		assertThat(topUp(reseller, 1_000).released()).as("released by the next top-up").containsExactly(middle);
		assertThat(waitingOrders(reseller)).extracting(WaitingLine::orderId).containsExactly(newest);
		eventually().until(() -> topics.distinct(middle, PaymentCaptured.class), (events) -> !events.isEmpty());
		assertThat(topics.distinct(newest, PaymentCaptured.class)).isEmpty();
	}

	@Test
	void aRedeliveredOrDuplicatedOrderPlacedChargesOnce() {
		Reseller reseller = newReseller();
		topUp(reseller, 10_000);
		String orderId = newOrderId();
		EventEnvelope placed = orderPlaced(reseller, orderId, 1_200);

		publish(placed);
		publish(placed);
		publish(placed);
		awaitHandled(publish(orderPlaced(reseller, orderId, 1_200)));

		eventually().until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> !events.isEmpty());
		assertThat(topics.distinct(orderId, PaymentCaptured.class)).hasSize(1);
		assertThat(topics.distinct(orderId, CreditInsufficient.class)).isEmpty();
		List<LedgerLine> ledger = ledger(reseller);
		assertThat(ledger).filteredOn((line) -> line.type().equals("CHARGE"))
			.singleElement()
			.satisfies((line) -> assertThat(line.amount().amount()).isEqualTo(-1_200));
		assertThat(account(reseller).balance().amount()).isEqualTo(8_800).isEqualTo(ledgerSum(ledger));
	}

}
