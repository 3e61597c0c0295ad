package com.rvssl.order.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Business metrics: orders placed (sent to billing) by product, and orders entering each state. */
@Component
public class OrderMetrics {

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

}
