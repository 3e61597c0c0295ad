package com.rvssl.billing.payments;

import java.time.Clock;
import java.util.UUID;

import com.rvssl.billing.charging.CurrencyMismatchException;
import com.rvssl.billing.charging.PendingWork;
import com.rvssl.billing.charging.TopUps.IdempotencyKeyReusedException;
import com.rvssl.billing.charging.UnknownResellerException;
import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A reseller's top-up: a payment to make, never credit by itself. The top-up is stored
 * first (its key claimed by the unique index, so one key is one top-up), then the
 * provider is asked for the payment. If the provider cannot be reached the top-up stays
 * without a payment, nothing is credited, and the same request sent again asks the
 * provider again (the top-up's id is the provider's idempotency key, so a payment the
 * provider made but whose answer was lost is the one returned).
 */
@Service
public class TopUpPayments {

	private final PendingWork accounts;

	private final TopUpStore store;

	private final PaymentProvider provider;

	private final PaymentProperties properties;

	private final Clock clock;

	TopUpPayments(PendingWork accounts, TopUpStore store, PaymentProvider provider, PaymentProperties properties,
			Clock clock) {
		this.accounts = accounts;
		this.store = store;
		this.provider = provider;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return the top-up with its payment; {@code created} false when the key was used
	 * before for the same top-up
	 */
	public Mono<Started> start(String resellerId, String idempotencyKey, Money amount, String reference) {
		return accounts.settledAccount(resellerId)
			.switchIfEmpty(Mono.error(() -> new UnknownResellerException(resellerId)))
			.flatMap((account) -> {
				if (!amount.currency().equals(account.currency())) {
					return Mono.error(new CurrencyMismatchException(amount.currency(), account.currency()));
				}
				TopUp fresh = TopUp.pendingPayment("tu_" + UUID.randomUUID(), resellerId, idempotencyKey, amount,
						reference, clock.instant());
				return store.insertOrFind(fresh);
			})
			.flatMap((stored) -> {
				TopUp topUp = stored.topUp();
				if (topUp.source() != TopUpSource.PAYMENT || !topUp.sameRequest(amount, reference)) {
					return Mono.error(new IdempotencyKeyReusedException(topUp.id()));
				}
				return withPayment(topUp).map((paid) -> new Started(paid, stored.created()));
			});
	}

	private Mono<TopUp> withPayment(TopUp topUp) {
		if (topUp.paymentUrl() != null || topUp.state() != TopUpState.PENDING_PAYMENT) {
			return Mono.just(topUp);
		}
		String description = "Top-up of the RVglobalsoft.com account " + topUp.resellerId();
		return provider.create(topUp.id(), topUp.money(), description, topUp.createdAt().plus(properties.expireAfter()))
			.flatMap((payment) -> store.attachPayment(topUp.id(), payment.id(), payment.url()));
	}

	/**
	 * Reads one of the reseller's top-ups; empty when the reseller has none of that id.
	 */
	public Mono<TopUp> find(String resellerId, String topUpId) {
		return store.find(topUpId).filter((topUp) -> resellerId == null || topUp.resellerId().equals(resellerId));
	}

	/** The reseller's latest top-ups, newest first. */
	public reactor.core.publisher.Flux<TopUp> latest(String resellerId, int count) {
		return store.latestOf(resellerId, count);
	}

	/**
	 * @param created false when an earlier request with the same key made it
	 */
	public record Started(TopUp topUp, boolean created) {
	}

}
