package com.rvssl.order.support;

import java.time.Instant;
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
import com.rvssl.order.orders.OrderDraft;

/** Orders in memory for unit tests of the pure parts. */
public final class OrderFixtures {

	public static final Product RAPIDSSL = new Product("rapidssl-dv", "RapidSSL Standard DV", "RapidSSL",
			CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", Validation.DV, ProductType.SINGLE, 1,
			List.of(new Price(12, Money.of(900, "USD"), Money.of(1999, "USD"))));

	private OrderFixtures() {
	}

	/** A configured DV order for example.com with email validation: state PLACED. */
	public static Order placedOrder() {
		OrderDraft draft = new OrderDraft(RAPIDSSL, RAPIDSSL.prices().get(0), List.of("example.com"), "svc-1",
				new Customer("Somchai", "somchai@example.com"), new Configuration("-----BEGIN CERTIFICATE REQUEST-----",
						new Dcv(DcvMethod.EMAIL, "admin@example.com"), null));
		return Order.open("order-1", "reseller-1", draft, AutoOrderMode.AUTOMATIC,
				Instant.parse("2026-01-01T00:00:00Z"), null, "hash");
	}

	public static EventEnvelope event(Order order, OrderEvent payload) {
		return EventEnvelope.of(order.id(), order.resellerId(), order.id(), payload);
	}

}
