package com.rvssl.order.orders;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.rvssl.contracts.EventEnvelope;

import org.springframework.stereotype.Service;

/**
 * Applies the other services' events to their orders, each at most once: the update that
 * moves the order also records the event id and refuses one already recorded.
 */
@Service
public class IncomingEvents {

	private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

	private static final int MAX_ATTEMPTS = 10;

	private final OrderStore store;

	private final OrderMetrics metrics;

	private final Clock clock = Clock.systemUTC();

	public IncomingEvents(OrderStore store, OrderMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
	}

	public Mono<Void> apply(EventEnvelope envelope) {
		String eventId = envelope.eventId().toString();
		return Mono.defer(() -> store.findById(envelope.orderId())
			.flatMap((order) -> applyTo(order, envelope, eventId))
			.switchIfEmpty(Mono.fromSupplier(() -> {
				log.warn("{} {} for unknown order {}: ignored", envelope.type(), eventId, envelope.orderId());
				return Boolean.TRUE;
			}))).repeatWhenEmpty(MAX_ATTEMPTS, (repeats) -> repeats).then();
	}

	/**
	 * Emits a value when done; empty when the order changed under us and the decision
	 * must be made again.
	 */
	private Mono<Boolean> applyTo(Order order, EventEnvelope envelope, String eventId) {
		if (order.hasApplied(eventId)) {
			log.debug("{} {} already applied to order {}", envelope.type(), eventId, order.id());
			return Mono.just(Boolean.TRUE);
		}
		Outcome outcome = OrderLifecycle.apply(order, envelope);
		if (outcome instanceof Outcome.Applied applied) {
			return store.apply(order, eventId, applied.change(), clock.instant()).map((saved) -> {
				metrics.applied(order, saved, envelope.payload());
				return Boolean.TRUE;
			});
		}
		if (outcome instanceof Outcome.Stale stale) {
			log.info("{} {} for order {} came late ({}): remembered, not applied", envelope.type(), eventId, order.id(),
					stale.reason());
			return store.rememberStale(order, eventId).map((saved) -> Boolean.TRUE);
		}
		return Mono.just(Boolean.TRUE);
	}

}
