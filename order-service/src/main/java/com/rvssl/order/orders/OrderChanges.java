package com.rvssl.order.orders;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * This instance's order changes as they are written, for live views: every change of an
 * order goes through {@link OrderStore} (the Kafka listeners' and the API's alike), which
 * hands the written order to the order's followers here. Followers are kept per order id
 * and the entry is dropped with its last follower, so memory follows the open streams,
 * not the orders, and a change costs one map look-up whatever the number of streams.
 *
 * <p>
 * Per instance only: a change written by another instance is not seen here (see
 * {@link OrderStatusStream} for how a stream catches up with those).
 */
@Component
public class OrderChanges {

	private final ConcurrentMap<String, Followers> byOrder = new ConcurrentHashMap<>();

	/** Offers a written order to its followers on this instance, if any. */
	void changed(Order order) {
		Followers followers = byOrder.get(order.id());
		if (followers != null) {
			followers.offer(order);
		}
	}

	/**
	 * The order's changes written on this instance from the subscription on (never
	 * completes; a slow follower misses intermediate changes, never the latest).
	 */
	public Flux<Order> of(String orderId) {
		return Flux.defer(() -> {
			// counted under the map's lock for this id, so an entry is never dropped
			// between a new follower finding it and subscribing to it
			Followers followers = byOrder.compute(orderId,
					(id, current) -> ((current != null) ? current : new Followers()).join());
			return followers.sink.asFlux()
				.onBackpressureLatest()
				.doFinally((signal) -> byOrder.computeIfPresent(orderId, (id, current) -> current.leave()));
		});
	}

	/** How many orders have followers on this instance now. */
	int followedOrders() {
		return byOrder.size();
	}

	private static final class Followers {

		private final Sinks.Many<Order> sink = Sinks.many().multicast().directBestEffort();

		private int count;

		Followers join() {
			count++;
			return this;
		}

		/** This entry, or null (removed) once its last follower has left. */
		Followers leave() {
			count--;
			return (count > 0) ? this : null;
		}

		// two writers (listener threads, API requests) may offer at once: a sink takes
		// one signal at a time
		synchronized void offer(Order order) {
			sink.tryEmitNext(order);
		}

	}

}
