package com.rvssl.order.orders;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Follows one order's status for a live view, fed by the order's own writes on this
 * instance ({@link OrderChanges}) instead of polling MongoDB: the current status first,
 * then each change as it is written. A status change is a new state or a new timeline
 * entry (a state re-entered with fresh detail counts too).
 *
 * <p>
 * With several instances each one's Kafka listeners apply only the partitions it owns,
 * and an API call (cancel, approve) is written by whichever instance took it, so a change
 * of a followed order may be written on another instance and never pass through this one.
 * The stream therefore also re-reads its order by id once on subscribing (closing the gap
 * between the caller's read and the subscription) and then every
 * {@code rvssl.api.events.safety-net-interval} (30 s): one read by id per stream per
 * interval, instead of two a second. A change written here reaches the stream at once;
 * one written on another instance within that interval. (Not chosen: hearing every change
 * through a per-instance consumer group on the orders topic, which would read the whole
 * topic on every instance and still race the instance that applies the event.)
 */
@Component
public class OrderStatusStream {

	private final OrderStore store;

	private final OrderChanges changes;

	private final Duration safetyNet;

	private final Duration maxDuration;

	public OrderStatusStream(OrderStore store, OrderChanges changes,
			@Value("${rvssl.api.events.safety-net-interval:30s}") Duration safetyNet,
			@Value("${rvssl.api.events.max-duration:1h}") Duration maxDuration) {
		this.store = store;
		this.changes = changes;
		this.safetyNet = safetyNet;
		this.maxDuration = maxDuration;
	}

	/**
	 * {@code first} as read (and tenancy-checked) by the caller, then each change until a
	 * final state.
	 */
	public Flux<Order> follow(Order first) {
		Flux<Order> reReads = Flux.interval(Duration.ZERO, safetyNet)
			.onBackpressureDrop()
			.concatMap((tick) -> store.findById(first.id()), 1);
		// subscribed in this order: the changes first, so the first re-read sees anything
		// written before them
		Flux<Order> later = Flux.merge(changes.of(first.id()), reReads);
		return Flux.defer(() -> {
			// writes may be handed over out of order (two threads) and re-reads lag:
			// only a newer version of the order goes on
			AtomicLong newest = new AtomicLong(Long.MIN_VALUE);
			return Flux.concat(Mono.just(first), later)
				.filter((order) -> newest.getAndAccumulate(order.version(), Math::max) < order.version());
		})
			.distinctUntilChanged((order) -> order.state() + "#" + order.timeline().size())
			.takeUntil((order) -> order.state().isFinal())
			// a stream nobody closes (an order left waiting for payment) still ends some
			// time
			.take(maxDuration);
	}

}
