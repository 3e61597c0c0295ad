package com.rvssl.order.orders;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Follows one order's status for a live view. It reads the order document every
 * {@code rvssl.api.events.poll-interval}: no change streams (the embedded MongoDB has
 * none, and a poll of one document by id is cheap), and it works the same whichever
 * instance applied the change. A status change is a new state or a new timeline entry (a
 * state re-entered with fresh detail counts too).
 */
@Component
public class OrderStatusStream {

	private final OrderStore store;

	private final Duration pollInterval;

	private final Duration maxDuration;

	public OrderStatusStream(OrderStore store, @Value("${rvssl.api.events.poll-interval:500ms}") Duration pollInterval,
			@Value("${rvssl.api.events.max-duration:1h}") Duration maxDuration) {
		this.store = store;
		this.pollInterval = pollInterval;
		this.maxDuration = maxDuration;
	}

	/**
	 * {@code first} as read (and tenancy-checked) by the caller, then each change until a
	 * final state.
	 */
	public Flux<Order> follow(Order first) {
		Flux<Order> later = Flux.interval(pollInterval)
			.onBackpressureDrop()
			.concatMap((tick) -> store.findById(first.id()), 1);
		return Flux.concat(Mono.just(first), later)
			.distinctUntilChanged((order) -> order.state() + "#" + order.timeline().size())
			.takeUntil((order) -> order.state().isFinal())
			// a stream nobody closes (an order left waiting for payment) still ends some
			// time
			.take(maxDuration);
	}

}
