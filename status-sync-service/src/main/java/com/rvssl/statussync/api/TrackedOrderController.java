package com.rvssl.statussync.api;

import com.rvssl.statussync.tracking.TrackedOrders;
import com.rvssl.statussync.tracking.TrackingState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal admin view of what is being followed. Like the gateway's internal API it is
 * meant for the cluster network only (no API key): do not route it through the public
 * ingress.
 */
@RestController
@RequestMapping("/internal/v1/tracked")
class TrackedOrderController {

	private final TrackedOrders orders;

	TrackedOrderController(TrackedOrders orders) {
		this.orders = orders;
	}

	@GetMapping
	Flux<TrackedOrderView> list(@RequestParam(required = false) TrackingState state) {
		return orders.all(state).map(TrackedOrderView::of);
	}

	@GetMapping("/{orderId}")
	Mono<TrackedOrderView> one(@PathVariable String orderId) {
		return orders.byId(orderId)
			.map(TrackedOrderView::of)
			.switchIfEmpty(Mono.error(() -> new TrackedOrderNotFoundException(orderId)));
	}

}
