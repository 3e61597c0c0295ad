package com.rvssl.billing.charging;

import java.util.List;
import java.util.Objects;

import com.rvssl.billing.accounts.PendingEntry;
import com.rvssl.billing.ledger.CreditLedger;
import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Credits a reseller's account, once per idempotency key, and releases the waiting orders
 * the new credit pays for, in the same atomic update. Reached only for money that
 * arrived: a payment the provider confirmed or a bank transfer the operator recorded
 * ({@code com.rvssl.billing.payments.TopUpCrediting}, with the top-up's id as the key).
 */
@Service
public class TopUps {

	private final AccountDecisions decisions;

	private final CreditLedger ledger;

	TopUps(AccountDecisions decisions, CreditLedger ledger) {
		this.decisions = decisions;
		this.ledger = ledger;
	}

	public Mono<Result> topUp(String resellerId, String idempotencyKey, Money amount, String reference) {
		String id = PendingEntry.topUpId(resellerId, idempotencyKey);
		return decisions.<Result>decide(resellerId, null, (account, payment, change) -> {
			if (account.appliedTopUpKeys().contains(idempotencyKey)) {
				// answered from the pending movement if the first request is still
				// completing, else from the ledger
				return account.inflight()
					.stream()
					.filter((entry) -> entry.id().equals(id))
					.findFirst()
					.map((entry) -> replayed(new LedgerRecord(entry.id(), entry.amount(), account.currency(),
							entry.reference(), entry.balanceAfter(), entry.released()), amount, reference))
					.orElse(null);
			}
			if (!amount.currency().equals(account.currency())) {
				throw new CurrencyMismatchException(amount.currency(), account.currency());
			}
			return new Result(change.topUp(idempotencyKey, amount.amount(), reference, idempotencyKey), true);
		})
			.switchIfEmpty(Mono.defer(() -> ledger.find(id)
				.map((entry) -> replayed(new LedgerRecord(entry.id(), entry.amount(), entry.currency(),
						entry.reference(), entry.balanceAfter(), entry.released()), amount, reference))
				.switchIfEmpty(Mono.error(() -> new IllegalStateException("top-up " + id + " is in no ledger")))));
	}

	/**
	 * The same key again: the first request's answer, as long as it asks for the same
	 * thing.
	 */
	private static Result replayed(LedgerRecord first, Money amount, String reference) {
		Money recorded = Money.of(first.amount(), first.currency());
		if (!recorded.equals(amount) || !Objects.equals(first.reference(), reference)) {
			throw new IdempotencyKeyReusedException(first.id());
		}
		return new Result(new TopUpReceipt(first.id(), recorded, first.reference(),
				Money.of(first.balanceAfter(), first.currency()), first.released()), false);
	}

	private record LedgerRecord(String id, long amount, String currency, String reference, long balanceAfter,
			List<String> released) {
	}

	/**
	 * @param created false when this answers a repeated idempotency key
	 */
	public record Result(TopUpReceipt receipt, boolean created) {
	}

	/** The idempotency key was used before for a different top-up. */
	public static class IdempotencyKeyReusedException extends RuntimeException {

		public IdempotencyKeyReusedException(String topUpId) {
			super("The Idempotency-Key was already used for a different top-up (" + topUpId + ")");
		}

	}

}
