package com.rvssl.billing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.rvssl.contracts.Money;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.PaymentCaptured;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterIntegrationTests extends BillingIntegrationTest {

	@Test
	void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextIsStillProcessed() {
		Reseller reseller = newReseller();
		topUp(reseller, 1_000);
		String orderId = newOrderId();
		byte[] poison = ("not an event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

		publishRaw(orderId, poison);
		publish(orderPlaced(reseller, orderId, 300));

		eventually().until(() -> topics.deadLetters(Topics.ORDERS)
			.stream()
			.anyMatch((record) -> orderId.equals(record.key()) && new String(record.value(), StandardCharsets.UTF_8)
				.equals(new String(poison, StandardCharsets.UTF_8))));
		eventually().until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> !events.isEmpty());
		assertThat(account(reseller).balance().amount()).isEqualTo(700);
	}

	@Test
	void anOrderOfAnUnknownResellerGoesToTheDeadLetterTopic() {
		Reseller ghost = new Reseller("no-such-reseller-" + UUID.randomUUID(), "none");
		String orderId = newOrderId();

		publish(orderPlaced(ghost, orderId, 300));

		eventually()
			.until(() -> topics.deadLetters(Topics.ORDERS).stream().anyMatch((record) -> orderId.equals(record.key())));
	}

	@Test
	void anOrderPlacedInAnotherCurrencyThanTheAccountsIsDeadLetteredWithTheReasonAndNothingIsChargedOrQueued() {
		Reseller reseller = newReseller();
		topUp(reseller, 5_000);
		String euroOrder = newOrderId();

		awaitHandled(publish(orderPlaced(reseller, euroOrder, Money.of(1_000, "EUR"))));

		var deadLetter = eventually()
			.until(() -> topics.deadLetters(Topics.ORDERS)
				.stream()
				.filter((record) -> euroOrder.equals(record.key()))
				.findFirst(), java.util.Optional::isPresent)
			.get();
		Header reason = deadLetter.headers().lastHeader("kafka_dlt-exception-message");
		assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("USD").contains("EUR");
		assertThat(topics.distinct(euroOrder, PaymentCaptured.class)).isEmpty();
		assertThat(topics.distinct(euroOrder, CreditInsufficient.class)).isEmpty();
		assertThat(waitingOrders(reseller)).isEmpty();
		assertThat(account(reseller).balance().amount()).isEqualTo(5_000);
	}

}
