package com.rvssl.billing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountStore;
import com.rvssl.billing.charging.AccountChange;
import com.rvssl.contracts.events.PaymentCaptured;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class CrashRecoveryIntegrationTests extends BillingIntegrationTest {

	@Autowired
	AccountStore accounts;

	@Test
	void aChargeWrittenToTheAccountButNotYetToTheLedgerIsCompletedByTheSweepAndNeverRepeated() {
		Reseller reseller = newReseller();
		topUp(reseller, 1_000);
		String orderId = newOrderId();
		// what a crash right after the account update leaves: balance lowered, event in
		// the outbox, the movement in inflight, no ledger entry, no payment record
		Account before = accounts.find(reseller.resellerId()).block();
		AccountChange change = AccountChange.of(before, Instant.now());
		change.place(orderId, 400, Instant.now(), "corr-" + orderId);
		accounts.apply(before, change.update()).block();

		List<LedgerLine> ledger = eventually().until(() -> ledger(reseller), (lines) -> lines.size() == 2);
		assertThat(ledger.get(0).id()).isEqualTo(orderId + ":CHARGE");
		assertThat(accounts.find(reseller.resellerId()).block().inflight()).isEmpty();
		eventually().until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> !events.isEmpty());

		awaitHandled(publish(orderPlaced(reseller, orderId, 400)));

		assertThat(topics.distinct(orderId, PaymentCaptured.class)).hasSize(1);
		assertThat(account(reseller).balance().amount()).isEqualTo(600).isEqualTo(ledgerSum(ledger(reseller)));
	}

}
