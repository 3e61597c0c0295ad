package com.rvssl.billing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class RedeliveryIntegrationTests extends BillingIntegrationTest {

	@Test
	void everyBillingEventDeliveredTwiceAndOutOfOrderChargesAtMostOnceRefundsAtMostOnceAndLosesNoOrder() {
		Reseller reseller = newReseller();
		topUp(reseller, 3_000);
		String rejected = newOrderId();
		String rejectedFirst = newOrderId();
		String cancelled = newOrderId();
		String keptPaid = newOrderId();
		String cancelledWhileWaiting = newOrderId();
		EventEnvelope rejectedPlaced = orderPlaced(reseller, rejected, 1_000);
		EventEnvelope rejection = orderEvent(reseller, rejected, new CertificateRejected("CAA forbids"));
		EventEnvelope earlyRejection = orderEvent(reseller, rejectedFirst, new CertificateRejected("CAA forbids"));
		EventEnvelope lateRejectedPlaced = orderPlaced(reseller, rejectedFirst, 1_000);
		EventEnvelope cancelledPlaced = orderPlaced(reseller, cancelled, 1_000);
		EventEnvelope cancellation = orderEvent(reseller, cancelled,
				new CertificateCancelled("Cancelled at the CA (order ca-1)", true, "ca-1"));
		EventEnvelope keptPlaced = orderPlaced(reseller, keptPaid, 1_000);
		EventEnvelope keptCancellation = orderEvent(reseller, keptPaid, OrderCancelled.requested("issued meanwhile"));
		EventEnvelope bigPlaced = orderPlaced(reseller, cancelledWhileWaiting, 50_000);
		EventEnvelope bigCancellation = orderEvent(reseller, cancelledWhileWaiting,
				OrderCancelled.requested("too dear"));

		// each event twice (the same envelope: a redelivery), each order's events out of
		// order
		Map<String, List<EventEnvelope>> deliveries = new LinkedHashMap<>();
		// a duplicate OrderPlaced before and after the rejection, the rejection
		// redelivered after the refund
		deliveries.put(rejected, List.of(rejectedPlaced, rejectedPlaced, rejection, rejectedPlaced, rejection));
		// the rejection arrives before the order was ever seen placed, then OrderPlaced
		// twice
		deliveries.put(rejectedFirst, List.of(earlyRejection, lateRejectedPlaced, earlyRejection, lateRejectedPlaced));
		// the cancellation redelivered after the refund, with OrderPlaced redelivered in
		// between
		deliveries.put(cancelled, List.of(cancelledPlaced, cancellation, cancelledPlaced, cancellation));
		// a request to cancel (the CA has not answered) before a redelivered OrderPlaced:
		// charged once, never refunded
		deliveries.put(keptPaid, List.of(keptPlaced, keptCancellation, keptPlaced, keptCancellation));
		// an order that waits, is cancelled, then placed and cancelled again
		deliveries.put(cancelledWhileWaiting, List.of(bigPlaced, bigCancellation, bigPlaced, bigCancellation));

		// the first delivery of the four small orders first, so the big one cannot queue
		// ahead of them (strict FIFO would then make the small ones wait, and the outcome
		// depend on timing)
		List<RecordMetadata> last = new ArrayList<>();
		deliveries.forEach((orderId, stream) -> {
			if (!orderId.equals(cancelledWhileWaiting)) {
				awaitHandled(publish(stream.get(0)));
			}
		});
		// then every other delivery, the orders' streams interleaved round-robin (each
		// order keeps its own sequence, as its key's partition would)
		for (int round = 0; round < 5; round++) {
			for (Map.Entry<String, List<EventEnvelope>> order : deliveries.entrySet()) {
				List<EventEnvelope> stream = order.getValue();
				boolean alreadySent = round == 0 && !order.getKey().equals(cancelledWhileWaiting);
				if (round < stream.size() && !alreadySent) {
					RecordMetadata record = publish(stream.get(round));
					if (round == stream.size() - 1) {
						last.add(record);
					}
				}
			}
		}
		last.forEach(BillingIntegrationTest::awaitHandled);

		eventually().until(() -> payments(reseller).size() == deliveries.size());
		assertThat(payments(reseller)).as("every order ends in a known state")
			.containsExactlyInAnyOrderEntriesOf(Map.of(rejected, "REFUNDED", rejectedFirst, "CANCELLED", cancelled,
					"REFUNDED", keptPaid, "PAID", cancelledWhileWaiting, "CANCELLED"));
		eventually().until(() -> topics.distinct(cancelled, RefundIssued.class).size() == 1
				&& topics.distinct(rejected, RefundIssued.class).size() == 1
				&& topics.distinct(keptPaid, PaymentCaptured.class).size() == 1);
		assertThat(List.of(rejected, cancelled, keptPaid)).allSatisfy((id) -> {
			assertThat(topics.distinct(id, PaymentCaptured.class)).as("captures of %s", id).hasSize(1);
			assertThat(topics.distinct(id, CreditInsufficient.class)).isEmpty();
		});
		assertThat(topics.distinct(keptPaid, RefundIssued.class)).isEmpty();
		assertThat(topics.distinct(rejectedFirst, PaymentCaptured.class)).isEmpty();
		assertThat(topics.distinct(cancelledWhileWaiting, PaymentCaptured.class)).isEmpty();
		assertThat(topics.distinct(cancelledWhileWaiting, CreditInsufficient.class)).hasSize(1);

		List<LedgerLine> ledger = ledger(reseller);
		assertThat(ledger).filteredOn((line) -> line.type().equals("CHARGE"))
			.extracting(LedgerLine::orderId)
			.containsExactlyInAnyOrder(rejected, cancelled, keptPaid);
		assertThat(ledger).filteredOn((line) -> line.type().equals("REFUND"))
			.extracting(LedgerLine::orderId)
			.containsExactlyInAnyOrder(rejected, cancelled);
		assertThat(waitingOrders(reseller)).isEmpty();
		assertThat(account(reseller).balance().amount()).isEqualTo(2_000).isEqualTo(ledgerSum(ledger));
	}

	/**
	 * The final state billing keeps for each order of the reseller, read from its
	 * collection.
	 */
	private Map<String, String> payments(Reseller reseller) {
		Map<String, String> states = new LinkedHashMap<>();
		mongo
			.find(Query.query(Criteria.where("resellerId").is(reseller.resellerId())), Document.class, "order_payments")
			.toIterable()
			.forEach((payment) -> states.put(payment.getString("_id"), payment.getString("state")));
		return states;
	}

}
