package com.rvssl.billing.charging;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountStore;
import com.rvssl.billing.accounts.PendingEntry;
import com.rvssl.billing.ledger.CreditLedger;
import com.rvssl.billing.ledger.EntryType;
import com.rvssl.billing.ledger.LedgerEntry;
import com.rvssl.billing.observability.BillingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completes the movements an account update left pending: writes the ledger entry and the
 * order's payment record, then pulls the pending entry. Every step is idempotent, so the
 * request that made the change, the sweep after a crash, and both at once all end in the
 * same state.
 */
@Component
public class PendingWork {

	private static final Logger log = LoggerFactory.getLogger(PendingWork.class);

	private final AccountStore accounts;

	private final CreditLedger ledger;

	private final OrderPayments payments;

	private final BillingMetrics metrics;

	PendingWork(AccountStore accounts, CreditLedger ledger, OrderPayments payments, BillingMetrics metrics) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.payments = payments;
		this.metrics = metrics;
	}

	/**
	 * The account with no movement left pending, so its ledger and payment records are up
	 * to date.
	 */
	public Mono<Account> settledAccount(String resellerId) {
		return accounts.find(resellerId)
			.flatMap((account) -> account.inflight().isEmpty() ? Mono.just(account)
					: complete(account).then(accounts.find(resellerId)));
	}

	public Mono<Void> complete(Account account) {
		return Flux.fromIterable(account.inflight()).concatMap((entry) -> complete(account, entry)).then();
	}

	/**
	 * At start-up and every few seconds: finishes what a crash or a failed write left,
	 * refreshes the gauges.
	 */
	@Scheduled(fixedDelayString = "${rvssl.billing.sweep-interval:PT2S}")
	public Mono<Void> sweep() {
		return accounts.all().concatMap((account) -> {
			metrics.record(account);
			return account.inflight().isEmpty() ? Mono.<Void>empty() : complete(account);
		}).onErrorResume((ex) -> {
			log.warn("Sweep of pending movements failed; the next one retries: {}", ex.toString());
			return Mono.empty();
		}).then();
	}

	private Mono<Void> complete(Account account, PendingEntry entry) {
		Mono<Void> records = switch (entry.kind()) {
			case TOP_UP -> ledger.append(ledgerEntry(account, entry, EntryType.TOP_UP));
			case CHARGE -> ledger.append(ledgerEntry(account, entry, EntryType.CHARGE))
				.then(payments.record(new OrderPayment(entry.orderId(), account.id(), -entry.amount(),
						account.currency(), PaymentState.PAID, entry.placedAt(), entry.at())));
			case REFUND -> ledger.append(ledgerEntry(account, entry, EntryType.REFUND))
				.then(payments.refunded(entry.orderId(), entry.at()));
			case UNQUEUE -> payments.record(new OrderPayment(entry.orderId(), account.id(), 0, account.currency(),
					PaymentState.CANCELLED, entry.placedAt(), entry.at()));
		};
		// only once the ledger and the order's record hold the movement may the account
		// forget it
		return records.then(accounts.completed(account.id(), entry.id()));
	}

	private static LedgerEntry ledgerEntry(Account account, PendingEntry entry, EntryType type) {
		return new LedgerEntry(entry.id(), account.id(), entry.seq(), entry.at(), type, entry.amount(),
				account.currency(), entry.orderId(), entry.balanceAfter(), entry.reference(), entry.released());
	}

}
