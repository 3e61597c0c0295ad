package com.rvssl.billing.charging;

import java.time.Instant;
import java.util.List;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountUpdate;
import com.rvssl.billing.accounts.PendingEntry;
import com.rvssl.billing.accounts.PendingKind;
import com.rvssl.billing.waiting.WaitingOrder;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditLow;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.RefundIssued;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountChangeTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static Account account(long balance, WaitingOrder... waiting) {
		return new Account("r1", "Hosting", "USD", null, "hash", NOW, balance, 7, 3, List.of(waiting), List.of(),
				List.of(), List.of(), 0L, false);
	}

	private static WaitingOrder waiting(String orderId, long amount) {
		return waiting(orderId, amount, NOW.minusSeconds(60));
	}

	private static WaitingOrder waiting(String orderId, long amount, Instant placedAt) {
		return new WaitingOrder(orderId, amount, placedAt, "c-" + orderId);
	}

	@Test
	void anOrderThatFitsIsChargedWithTheBalanceAfterInItsEventAndLedgerEntry() {
		AccountChange change = AccountChange.of(account(1_000), NOW);

		assertThat(change.place("o1", 400, NOW, "c1")).isTrue();

		AccountUpdate update = change.update();
		assertThat(update.balance()).isEqualTo(600);
		assertThat(update.pending()).singleElement().satisfies((entry) -> {
			assertThat(entry.id()).isEqualTo("o1:CHARGE");
			assertThat(entry.amount()).isEqualTo(-400);
			assertThat(entry.balanceAfter()).isEqualTo(600);
			assertThat(entry.seq()).isEqualTo(4);
		});
		assertThat(change.events()).singleElement()
			.satisfies((event) -> assertThat(event.payload()).isInstanceOfSatisfying(PaymentCaptured.class,
					(paid) -> assertThat(paid.balanceAfter().amount()).isEqualTo(600)));
	}

	@Test
	void aTopUpTheBalanceCannotHoldIsRefusedBeforeAnythingChanges() {
		AccountChange change = AccountChange.of(account(Long.MAX_VALUE - 100, waiting("w", 50)), NOW);

		assertThatThrownBy(() -> change.topUp("k1", 101, "wire", "c1")).isInstanceOf(BalanceLimitException.class);

		assertThat(change.update().balance()).isEqualTo(Long.MAX_VALUE - 100);
		assertThat(change.pending()).isEmpty();
		assertThat(change.events()).isEmpty();
		assertThat(change.topUp("k2", 100, "wire", "c2").balanceAfter().amount()).as("up to the limit")
			.isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void anOrderThatFitsStillWaitsBehindAnEarlierWaitingOrder() {
		AccountChange change = AccountChange.of(account(1_000, waiting("big", 5_000)), NOW);

		assertThat(change.place("small", 100, NOW, "c")).isFalse();

		assertThat(change.update().waiting()).extracting(WaitingOrder::orderId).containsExactly("big", "small");
		assertThat(change.update().balance()).isEqualTo(1_000);
		assertThat(change.events()).singleElement()
			.satisfies((event) -> assertThat(event.payload()).isInstanceOf(CreditInsufficient.class));
	}

	@Test
	void anOrderThatReachesBillingLateQueuesAheadOfTheOrdersPlacedAfterIt() {
		AccountChange change = AccountChange
			.of(account(0, waiting("a", 500, NOW.minusSeconds(30)), waiting("c", 500, NOW.minusSeconds(10))), NOW);

		assertThat(change.place("b", 500, NOW.minusSeconds(20), "c-b")).isFalse();
		assertThat(change.place("first", 500, NOW.minusSeconds(40), "c-first")).isFalse();

		assertThat(change.update().waiting()).extracting(WaitingOrder::orderId).containsExactly("first", "a", "b", "c");
		assertThat(change.topUp("k1", 1_000, "wire", "k1").released()).containsExactly("first", "a");
	}

	@Test
	void anOrderPlacedBeforeEveryWaitingOrderIsChargedAtOnceWhenItFits() {
		AccountChange change = AccountChange.of(account(300, waiting("big", 5_000, NOW.minusSeconds(10))), NOW);

		assertThat(change.place("small", 200, NOW.minusSeconds(20), "c-small")).isTrue();

		assertThat(change.update().balance()).isEqualTo(100);
		assertThat(change.update().waiting()).extracting(WaitingOrder::orderId).containsExactly("big");
	}

	@Test
	void aTopUpReleasesWaitingOrdersInTheSameChangeAndStopsAtTheFirstThatDoesNotFit() {
		AccountChange change = AccountChange.of(account(100, waiting("a", 300), waiting("b", 900), waiting("c", 10)),
				NOW);

		TopUpReceipt receipt = change.topUp("k1", 500, "wire", "k1");

		assertThat(receipt.released()).containsExactly("a");
		assertThat(receipt.balanceAfter().amount()).isEqualTo(600);
		AccountUpdate update = change.update();
		assertThat(update.balance()).isEqualTo(300);
		assertThat(update.waiting()).extracting(WaitingOrder::orderId).containsExactly("b", "c");
		assertThat(update.appliedTopUpKey()).isEqualTo("k1");
		assertThat(update.pending()).extracting(PendingEntry::kind)
			.containsExactly(PendingKind.TOP_UP, PendingKind.CHARGE);
		assertThat(update.pending()).extracting(PendingEntry::seq).containsExactly(4L, 5L);
		assertThat(change.events()).extracting((event) -> event.type())
			.containsExactly(CreditToppedUp.class.getSimpleName(), PaymentCaptured.class.getSimpleName());
		assertThat(change.events().get(1).orderId()).isEqualTo("a");
		assertThat(change.events().get(1).correlationId()).isEqualTo("c-a");
	}

	@Test
	void removingTheHeadOfTheQueueLetsTheOrdersBehindItGoIfTheyFit() {
		AccountChange change = AccountChange.of(account(500, waiting("big", 5_000), waiting("small", 200)), NOW);

		change.unqueue("big");

		assertThat(change.update().waiting()).isEmpty();
		assertThat(change.update().balance()).isEqualTo(300);
		assertThat(change.update().pending()).extracting(PendingEntry::kind)
			.containsExactly(PendingKind.UNQUEUE, PendingKind.CHARGE);
	}

	@Test
	void aRefundCreditsTheChargeBack() {
		AccountChange change = AccountChange.of(account(100), NOW);

		change.refund("o1", 400, NOW, "c1");

		assertThat(change.update().balance()).isEqualTo(500);
		assertThat(change.update().pending()).singleElement().satisfies((entry) -> {
			assertThat(entry.id()).isEqualTo("o1:REFUND");
			assertThat(entry.amount()).isEqualTo(400);
		});
		assertThat(change.events()).singleElement()
			.satisfies((event) -> assertThat(event.payload()).isInstanceOf(RefundIssued.class));
	}

	@Test
	void aDecisionThatChangesNothingWritesNothing() {
		Account account = account(100, waiting("a", 300));

		assertThat(AccountChange.of(account, NOW).update().changesNothing(account)).isTrue();
	}

	private static Account withThreshold(long balance, long threshold, boolean signalled) {
		return new Account("r1", "Hosting", "USD", null, "hash", NOW, balance, 7, 3, List.of(), List.of(), List.of(),
				List.of(), threshold, signalled);
	}

	@Test
	void aChargeThatTakesTheBalanceBelowTheThresholdSignalsCreditLowOnce() {
		AccountChange change = AccountChange.of(withThreshold(3_000, 2_500, false), NOW);

		change.place("o1", 1_000, NOW, "c1");
		change.place("o2", 1_000, NOW, "c2");

		assertThat(change.events()).filteredOn((event) -> event.payload() instanceof CreditLow)
			.singleElement()
			.satisfies((event) -> {
				CreditLow low = (CreditLow) event.payload();
				assertThat(low.balance().amount()).isEqualTo(2_000);
				assertThat(low.threshold().amount()).isEqualTo(2_500);
				assertThat(event.resellerId()).isEqualTo("r1");
			});
		assertThat(change.update().creditLowSignalled()).isTrue();
	}

	@Test
	void anAccountAlreadySignalledStaysQuietUntilCreditBringsItBackToTheThreshold() {
		AccountChange quiet = AccountChange.of(withThreshold(2_000, 2_500, true), NOW);
		quiet.place("o1", 500, NOW, "c1");
		assertThat(quiet.events()).noneMatch((event) -> event.payload() instanceof CreditLow);

		AccountChange rearmed = AccountChange.of(withThreshold(2_000, 2_500, true), NOW);
		rearmed.topUp("k", 1_000, "wire", "c");
		assertThat(rearmed.update().creditLowSignalled()).isFalse();
		rearmed.place("o2", 1_000, NOW, "c2");
		assertThat(rearmed.events()).filteredOn((event) -> event.payload() instanceof CreditLow).hasSize(1);
	}

	@Test
	void withoutAThresholdNoChargeSignalsCreditLow() {
		AccountChange change = AccountChange.of(account(1_000), NOW);

		change.place("o1", 1_000, NOW, "c1");

		assertThat(change.events()).noneMatch((event) -> event.payload() instanceof CreditLow);
	}

	@Test
	void aCancellationOfAnOrderNeverSeenPlacedIsRememberedWithoutMovingMoney() {
		AccountChange change = AccountChange.of(account(1_000), NOW);

		change.forgo("o1");

		AccountUpdate update = change.update();
		assertThat(update.balance()).isEqualTo(1_000);
		assertThat(update.pending()).singleElement().satisfies((entry) -> {
			assertThat(entry.kind()).isEqualTo(PendingKind.UNQUEUE);
			assertThat(entry.orderId()).isEqualTo("o1");
			assertThat(entry.amount()).isZero();
		});
		assertThat(change.events()).isEmpty();
	}

}
