package com.rvssl.order.messaging;

import com.rvssl.kit.outbox.OutboxCollection;
import com.rvssl.order.orders.Order;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our events wait in each order's {@code outbox}, written by the same update as the
 * change that caused them; the kit's relay publishes them from the orders collection.
 */
@Configuration(proxyBeanMethods = false)
class OrderOutbox {

	@Bean
	OutboxCollection ordersOutbox() {
		return OutboxCollection.named(Order.COLLECTION);
	}

}
