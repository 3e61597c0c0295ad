package com.rvssl.notify.api;

import java.time.Instant;

import com.rvssl.notify.deliveries.Delivery;
import com.rvssl.notify.deliveries.DeliveryChannel;
import com.rvssl.notify.deliveries.DeliveryStatus;

/**
 * One line of the delivery log as the API shows it (no message text: it may hold a
 * certificate).
 */
record DeliveryView(String id, String orderId, Instant at, DeliveryChannel channel, String recipient, String event,
		DeliveryStatus status, int attempts) {

	static DeliveryView of(Delivery delivery) {
		return new DeliveryView(delivery.id(), delivery.orderId(), delivery.at(), delivery.channel(),
				delivery.recipient(), delivery.event(), delivery.status(), delivery.attempts());
	}

}
