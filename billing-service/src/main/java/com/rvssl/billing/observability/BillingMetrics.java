package com.rvssl.billing.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountUpdate;
import com.rvssl.billing.accounts.PendingKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Gauges per reseller (balance, waiting count and value, in minor units) fed from every
 * account state billing writes or sweeps, and counters of charges and refunds.
 */
@Component
public class BillingMetrics {

	private final MeterRegistry registry;

	private final Map<String, AccountGauges> gauges = new ConcurrentHashMap<>();

	private final Counter charges;

	private final Counter refunds;

	BillingMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.charges = Counter.builder("billing.charges").description("orders charged").register(registry);
		this.refunds = Counter.builder("billing.refunds").description("orders refunded").register(registry);
	}

	/** The latest known state of an account. */
	public void record(Account account) {
		AccountGauges values = gauges.computeIfAbsent(account.id(), this::register);
		values.balance.set(account.balance());
		values.waitingCount.set(account.waiting().size());
		values.waitingAmount.set(account.waitingAmount());
	}

	/** Counts the charges and refunds an applied update made. */
	public void applied(AccountUpdate update) {
		update.pending().forEach((entry) -> {
			if (entry.kind() == PendingKind.CHARGE) {
				charges.increment();
			}
			else if (entry.kind() == PendingKind.REFUND) {
				refunds.increment();
			}
		});
	}

	private AccountGauges register(String resellerId) {
		AccountGauges values = new AccountGauges(new AtomicLong(), new AtomicLong(), new AtomicLong());
		Gauge.builder("billing.account.balance", values.balance, AtomicLong::get)
			.description("credit balance in minor units")
			.tag("resellerId", resellerId)
			.register(registry);
		Gauge.builder("billing.waiting.orders", values.waitingCount, AtomicLong::get)
			.description("orders waiting for payment")
			.tag("resellerId", resellerId)
			.register(registry);
		Gauge.builder("billing.waiting.amount", values.waitingAmount, AtomicLong::get)
			.description("value of the orders waiting for payment, in minor units")
			.tag("resellerId", resellerId)
			.register(registry);
		return values;
	}

	private record AccountGauges(AtomicLong balance, AtomicLong waitingCount, AtomicLong waitingAmount) {
	}

}
