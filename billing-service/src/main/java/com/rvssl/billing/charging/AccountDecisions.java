package com.rvssl.billing.charging;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountStore;
import com.rvssl.billing.accounts.AccountStore.ConcurrentAccountChange;
import com.rvssl.billing.accounts.AccountUpdate;
import com.rvssl.billing.observability.BillingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.stereotype.Component;

/**
 * Runs one decision on an account: read it settled (nothing pending), read the order's
 * payment record, decide in memory, write with a compare-and-set on the version read, and
 * on a lost race decide again from the new state. Reading the account before the payment
 * record is what makes "charged at most once" hold: a charge shows in the account's
 * pending movements until the payment record exists, and any charge after the account
 * read changes its version.
 */
@Component
class AccountDecisions {

	private static final Logger log = LoggerFactory.getLogger(AccountDecisions.class);

	private final AccountStore accounts;

	private final OrderPayments payments;

	private final PendingWork pendingWork;

	private final BillingMetrics metrics;

	private final Clock clock;

	AccountDecisions(AccountStore accounts, OrderPayments payments, PendingWork pendingWork, BillingMetrics metrics,
			Clock clock) {
		this.accounts = accounts;
		this.payments = payments;
		this.pendingWork = pendingWork;
		this.metrics = metrics;
		this.clock = clock;
	}

	<T> Mono<T> decide(String resellerId, String orderId, Decision<T> decision) {
		return Mono.defer(() -> pendingWork.settledAccount(resellerId)
			.switchIfEmpty(Mono.error(() -> new UnknownResellerException(resellerId)))
			.flatMap((account) -> {
				if (orderId != null && account.hasPendingFor(orderId)) {
					// a movement of this order appeared after settling (e.g. a top-up
					// released it just now): decide only once it is complete, so the
					// payment record tells the whole story
					return Mono.error(new ConcurrentAccountChange(resellerId));
				}
				return paymentOf(orderId).flatMap((payment) -> decideAndWrite(account, payment.orElse(null), decision));
			}))
			.retryWhen(Retry.backoff(100, Duration.ofMillis(2))
				.maxBackoff(Duration.ofMillis(50))
				.jitter(0.75)
				.filter(ConcurrentAccountChange.class::isInstance));
	}

	private <T> Mono<T> decideAndWrite(Account account, OrderPayment payment, Decision<T> decision) {
		AccountChange change = AccountChange.of(account, clock.instant());
		T result = decision.decide(account, payment, change);
		AccountUpdate update = change.update();
		if (update.changesNothing(account)) {
			return Mono.justOrEmpty(result);
		}
		return accounts.apply(account, update).flatMap((after) -> {
			metrics.applied(update);
			metrics.record(after);
			// the change is durable; completing it here is a courtesy the sweep repeats
			// if it fails
			return pendingWork.complete(after).onErrorResume((ex) -> {
				log.warn("Completing pending movements of {} failed; the sweep retries: {}", account.id(),
						ex.toString());
				return Mono.empty();
			});
		}).then(Mono.justOrEmpty(result));
	}

	private Mono<Optional<OrderPayment>> paymentOf(String orderId) {
		if (orderId == null) {
			return Mono.just(Optional.empty());
		}
		return payments.find(orderId).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	/**
	 * Decides from the account as read and the order's payment record (null when none).
	 */
	@FunctionalInterface
	interface Decision<T> {

		T decide(Account account, OrderPayment payment, AccountChange change);

	}

}
