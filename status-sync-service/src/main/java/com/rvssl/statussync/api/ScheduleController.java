package com.rvssl.statussync.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.rvssl.statussync.scheduling.SchedulePromise;
import com.rvssl.statussync.scheduling.SyncProperties;
import com.rvssl.statussync.tracking.TrackedOrders;
import com.rvssl.statussync.tracking.TrackingState;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal: what the schedule promises for one outstanding order (see
 * {@link SchedulePromise}), so operators and end-to-end tests can hold status sync to its
 * own configuration.
 */
@RestController
class ScheduleController {

	private final TrackedOrders orders;

	private final SyncProperties properties;

	private final Clock clock;

	ScheduleController(TrackedOrders orders, SyncProperties properties, Clock clock) {
		this.orders = orders;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/internal/v1/tracked/{orderId}/schedule")
	Mono<SchedulePromise> promise(@PathVariable String orderId) {
		Instant now = clock.instant();
		return orders.byId(orderId)
			.filter(order -> order.state() == TrackingState.OUTSTANDING)
			.map(order -> SchedulePromise.of(order.id(), order.ca(), order.validation(),
					(order.paceFrom() != null) ? Duration.between(order.paceFrom(), now) : Duration.ZERO, properties))
			.switchIfEmpty(Mono.error(() -> new TrackedOrderNotFoundException(orderId)));
	}

}
