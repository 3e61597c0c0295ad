package com.rvssl.order.support;

import java.time.Instant;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.order.catalog.Price;
import com.rvssl.order.catalog.Product;
import com.rvssl.order.catalog.ProductType;
import com.rvssl.order.orders.AutoOrderMode;
import com.rvssl.order.orders.Configuration;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderChange;
import com.rvssl.order.orders.OrderDraft;
import com.rvssl.order.orders.OrderLifecycle;
import com.rvssl.order.orders.Outcome;
import com.rvssl.order.orders.TimelineEntry;
import com.rvssl.kit.outbox.OutboxEntry;

/** Orders in memory for unit tests of the pure parts. */
public final class OrderFixtures {

	public static final Product RAPIDSSL = new Product("rapidssl-dv", "RapidSSL Standard DV", "RapidSSL",
			CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", Validation.DV, ProductType.SINGLE, 1,
			List.of(new Price(12, Money.of(900, "USD"), Money.of(1999, "USD"))));

	private OrderFixtures() {
	}

	/** A configured DV order for example.com with email validation: state PLACED. */
	public static Order placedOrder() {
		return placedOrder("order-1");
	}

	/** {@link #placedOrder()} with an id of its own. */
	public static Order placedOrder(String id) {
		OrderDraft draft = new OrderDraft(RAPIDSSL, RAPIDSSL.prices().get(0), List.of("example.com"), "svc-1",
				new Customer("Somchai", "somchai@example.com"), new Configuration("-----BEGIN CERTIFICATE REQUEST-----",
						new Dcv(DcvMethod.EMAIL, "admin@example.com"), null));
		return Order.open(id, "reseller-1", draft, AutoOrderMode.AUTOMATIC, Instant.parse("2026-01-01T00:00:00Z"), null,
				"hash");
	}

	public static EventEnvelope event(Order order, OrderEvent payload) {
		return EventEnvelope.of(order.id(), order.resellerId(), order.id(), payload);
	}

	/**
	 * The order as {@code OrderStore} writes it after {@code change}: the state, the
	 * timeline entry, the facts (by field name) and the events caused, in memory.
	 */
	public static Order after(Order order, OrderChange change) {
		RecordComponent[] components = Order.class.getRecordComponents();
		Object[] values = new Object[components.length];
		try {
			for (int i = 0; i < components.length; i++) {
				String name = components[i].getName();
				Object value = components[i].getAccessor().invoke(order);
				if (name.equals("state")) {
					value = change.state();
				}
				else if (name.equals("timeline")) {
					List<TimelineEntry> timeline = new ArrayList<>(order.timeline());
					timeline.add(change.entry());
					value = timeline;
				}
				else if (name.equals("outbox")) {
					List<OutboxEntry> outbox = new ArrayList<>(order.outbox());
					change.events().forEach((event) -> outbox.add(OutboxEntry.of(event)));
					value = outbox;
				}
				else if (name.equals("version")) {
					value = order.version() + 1;
				}
				else if (change.facts().containsKey(name)) {
					value = change.facts().get(name);
				}
				values[i] = value;
			}
			Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
			return Order.class.getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The order after an event, which must change it. */
	public static Order after(Order order, OrderEvent payload) {
		Outcome outcome = OrderLifecycle.apply(order, event(order, payload));
		if (!(outcome instanceof Outcome.Applied applied)) {
			throw new AssertionError(payload + " did not change the order: " + outcome);
		}
		return after(order, applied.change());
	}

}
