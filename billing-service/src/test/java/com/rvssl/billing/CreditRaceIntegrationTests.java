package com.rvssl.billing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.test.TestSeed;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditRaceIntegrationTests extends BillingIntegrationTest {

	private static final int N = 5;

	private static final int PRODUCERS = 8;

	private static final long PRICE = 1_000;

	@Test
	void tenTimesNOrdersPlacedAtOnceFromManyThreadsAgainstCreditForNEndWithExactlyNPaidAndTheRestWaiting()
			throws Exception {
		Reseller reseller = newReseller();
		topUp(reseller, N * PRICE);
		List<String> orderIds = IntStream.range(0, 10 * N).mapToObj((i) -> newOrderId()).toList();
		List<EventEnvelope> placed = new ArrayList<>(
				orderIds.stream().map((id) -> orderPlaced(reseller, id, PRICE)).toList());
		Collections.shuffle(placed, TestSeed.random("CreditRaceIntegrationTests"));

		// PRODUCERS threads, each with its share of the orders, released together by one
		// latch
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
		List<Future<List<RecordMetadata>>> sent = new ArrayList<>();
		for (int p = 0; p < PRODUCERS; p++) {
			int producer = p;
			sent.add(producers.submit(() -> {
				start.await();
				List<RecordMetadata> records = new ArrayList<>();
				for (int i = producer; i < placed.size(); i += PRODUCERS) {
					records.add(publish(placed.get(i)));
				}
				return records;
			}));
		}
		start.countDown();
		List<RecordMetadata> records = new ArrayList<>();
		for (Future<List<RecordMetadata>> future : sent) {
			records.addAll(future.get());
		}
		producers.shutdown();
		// the last record of each partition: once billing committed past it, it handled
		// every order
		records.stream()
			.collect(java.util.stream.Collectors.toMap(RecordMetadata::partition, (record) -> record,
					(a, b) -> a.offset() > b.offset() ? a : b))
			.values()
			.forEach(BillingIntegrationTest::awaitHandled);

		eventually().until(() -> orderIds.stream()
			.filter((id) -> !topics.distinct(id, PaymentCaptured.class).isEmpty()
					|| !topics.distinct(id, CreditInsufficient.class).isEmpty())
			.count() == orderIds.size());
		List<String> paid = orderIds.stream()
			.filter((id) -> !topics.distinct(id, PaymentCaptured.class).isEmpty())
			.toList();
		assertThat(paid).as("paid orders (seed %d)", TestSeed.get()).hasSize(N);
		assertThat(orderIds).as("each order is either paid or told the credit is short, once")
			.allSatisfy((id) -> assertThat(topics.distinct(id, PaymentCaptured.class).size()
					+ topics.distinct(id, CreditInsufficient.class).size())
				.isEqualTo(1));
		AccountView account = account(reseller);
		assertThat(account.balance().amount()).isZero();
		assertThat(account.waitingForPayment().count()).isEqualTo(9 * N);
		assertThat(account.waitingForPayment().amount().amount()).isEqualTo(9 * N * PRICE);
		assertThat(waitingOrders(reseller)).extracting(WaitingLine::orderId)
			.hasSize(9 * N)
			.doesNotContainAnyElementsOf(paid)
			.allMatch(orderIds::contains);
		List<LedgerLine> ledger = ledger(reseller);
		assertThat(ledger).filteredOn((line) -> line.type().equals("CHARGE"))
			.extracting(LedgerLine::orderId)
			.containsExactlyInAnyOrderElementsOf(paid);
		assertThat(ledgerSum(ledger)).isZero();
	}

}
