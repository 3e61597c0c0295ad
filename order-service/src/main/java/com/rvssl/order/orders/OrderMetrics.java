package com.rvssl.order.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.Event;
import com.rvssl.contracts.events.RefundIssued;

import org.springframework.stereotype.Component;

/**
 * Business metrics: orders placed (sent to billing) by product, orders entering each
 * state, orders finished (issued, rejected, cancelled) per reseller and product, the
 * revenue of paid orders at retail and wholesale per reseller and currency (refunds are a
 * series of their own, to subtract), and the time from order to issued as a histogram.
 */
@Component
public class OrderMetrics {

	/** From a sandbox's seconds to an EV certificate's weeks. */
	private static final Duration[] TIME_TO_ISSUE_BUCKETS = { Duration.ofSeconds(5), Duration.ofSeconds(15),
			Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
			Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14),
			Duration.ofDays(30) };

	private final MeterRegistry registry;

	public OrderMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void entered(OrderState state) {
		Counter.builder("rvssl.orders.transitions")
			.description("Orders entering a state")
			.tag("state", state.name())
			.register(registry)
			.increment();
	}

	void placed(String productCode) {
		Counter.builder("rvssl.orders.placed")
			.description("Orders placed (sent to billing), by product")
			.tag("product", productCode)
			.register(registry)
			.increment();
	}

	/**
	 * A write moved {@code before} to {@code after}: an order entering a final state is
	 * counted as finished. Called only for a write that succeeded, so only the replica
	 * that made the move counts it (a redelivered event writes nothing) and Prometheus
	 * sums the replicas. Finished orders are counted here rather than in the orders by
	 * state gauge, whose periodic recount reads only the orders in flight. An issued
	 * order cancelled afterwards (its certificate revoked) counts in both states.
	 */
	void finished(Order before, Order after) {
		if (after.state() == before.state() || !after.state().isFinal()) {
			return;
		}
		Counter.builder("rvssl.orders.finished")
			.description("Orders that reached a final state (issued, rejected, cancelled), per reseller and product")
			.tag("resellerId", String.valueOf(after.resellerId()))
			.tag("state", after.state().name())
			.tag("product", String.valueOf(after.productCode()))
			.register(registry)
			.increment();
	}

	/**
	 * An event changed {@code before} into {@code after}: counts the move, the money and
	 * the time it took.
	 */
	void applied(Order before, Order after, Event cause) {
		if (after.state() != before.state()) {
			entered(after.state());
		}
		if (after.state() == OrderState.PAID && before.state() != OrderState.PAID && after.price() != null) {
			money("rvssl.orders.revenue", "Revenue of paid orders, in major units of the currency", after, "wholesale",
					after.price().wholesale());
			money("rvssl.orders.revenue", "Revenue of paid orders, in major units of the currency", after, "retail",
					after.price().retail());
		}
		if (cause instanceof RefundIssued refund && after.price() != null) {
			// billing refunds the wholesale price to credit; the reseller owes its
			// customer the retail one
			money("rvssl.orders.refunds", "Refunds of paid orders, in major units of the currency", after, "wholesale",
					refund.amount());
			money("rvssl.orders.refunds", "Refunds of paid orders, in major units of the currency", after, "retail",
					after.price().retail());
		}
		if (after.state() == OrderState.ISSUED && before.state() != OrderState.ISSUED && after.createdAt() != null) {
			Duration taken = Duration.between(after.createdAt(), after.updatedAt());
			if (!taken.isNegative()) {
				Timer.builder("rvssl.orders.time.to.issue")
					.description("From the order's creation until its certificate was issued")
					.tag("resellerId", after.resellerId())
					.tag("validation", String.valueOf(after.validation()))
					.serviceLevelObjectives(TIME_TO_ISSUE_BUCKETS)
					.register(registry)
					.record(taken);
			}
		}
	}

	private void money(String name, String description, Order order, String price, Money amount) {
		if (amount == null) {
			return;
		}
		Counter.builder(name)
			.description(description)
			.tag("resellerId", order.resellerId())
			.tag("currency", amount.currency())
			.tag("price", price)
			.register(registry)
			.increment(majorUnits(amount));
	}

	private static double majorUnits(Money amount) {
		int digits;
		try {
			digits = Math.max(Currency.getInstance(amount.currency()).getDefaultFractionDigits(), 0);
		}
		catch (IllegalArgumentException unknown) {
			digits = 2;
		}
		return BigDecimal.valueOf(amount.amount()).movePointLeft(digits).doubleValue();
	}

}
