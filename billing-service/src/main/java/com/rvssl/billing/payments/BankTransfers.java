package com.rvssl.billing.payments;

import java.time.Clock;
import java.util.UUID;

import com.rvssl.billing.charging.BalanceLimitException;
import com.rvssl.billing.charging.CurrencyMismatchException;
import com.rvssl.billing.charging.PendingWork;
import com.rvssl.billing.charging.TopUpReceipt;
import com.rvssl.billing.charging.TopUps.IdempotencyKeyReusedException;
import com.rvssl.billing.charging.UnknownResellerException;
import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The operator records a bank transfer that arrived: a top-up credited at once, through
 * the same crediting step as a confirmed payment (so it releases waiting orders the same
 * way), once per idempotency key.
 */
@Service
public class BankTransfers {

	private final PendingWork accounts;

	private final TopUpStore store;

	private final TopUpCrediting crediting;

	private final Clock clock;

	BankTransfers(PendingWork accounts, TopUpStore store, TopUpCrediting crediting, Clock clock) {
		this.accounts = accounts;
		this.store = store;
		this.crediting = crediting;
		this.clock = clock;
	}

	public Mono<Recorded> record(String resellerId, String idempotencyKey, Money amount, String reference) {
		return accounts.settledAccount(resellerId)
			.switchIfEmpty(Mono.error(() -> new UnknownResellerException(resellerId)))
			.flatMap((account) -> {
				if (!amount.currency().equals(account.currency())) {
					return Mono.error(new CurrencyMismatchException(amount.currency(), account.currency()));
				}
				if (account.balance() > Long.MAX_VALUE - amount.amount()) {
					// refused before the top-up is stored: a credit that cannot fit
					// changes nothing
					return Mono.error(new BalanceLimitException(account.balance(), amount.amount(), amount.currency()));
				}
				return store.insertOrFind(TopUp.bankTransfer("tu_" + UUID.randomUUID(), resellerId, idempotencyKey,
						amount, reference, clock.instant()));
			})
			.flatMap((stored) -> {
				TopUp topUp = stored.topUp();
				if (topUp.source() != TopUpSource.BANK_TRANSFER || !topUp.sameRequest(amount, reference)) {
					return Mono.error(new IdempotencyKeyReusedException(topUp.id()));
				}
				return crediting.credit(topUp)
					.map((credited) -> new Recorded(credited.topUp(), credited.receipt(), stored.created()));
			});
	}

	/**
	 * @param created false when an earlier request with the same key recorded it
	 */
	public record Recorded(TopUp topUp, TopUpReceipt receipt, boolean created) {
	}

}
