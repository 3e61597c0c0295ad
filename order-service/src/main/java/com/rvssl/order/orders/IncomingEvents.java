package com.rvssl.order.orders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import com.rvssl.contracts.EventEnvelope;

import org.springframework.stereotype.Service;

/**
 * Applies the other services' events to their orders, each exactly once: the update that
 * moves the order also records the event id and refuses one already recorded, and an
 * update that loses the race to a concurrent change is decided again, never dropped.
 */
@Service
public class IncomingEvents {

	private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

	private static final int MAX_ATTEMPTS = 10;

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(10);

	/** Keeps all attempts well inside the listener's wait for one record. */
	private static final Duration MAX_BACKOFF = Duration.ofMillis(100);

	private final OrderStore store;

	private final OrderMetrics metrics;

	private final Clock clock = Clock.systemUTC();

	public IncomingEvents(OrderStore store, OrderMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
	}

	/**
	 * The orders a poll's events are for, read in one query. Each event is then first
	 * decided from its order as read here, or as the poll's previous event for it left
	 * it, instead of a read of its own; a write that loses a race reads the order again.
	 */
	public Mono<Map<String, Order>> ordersOf(List<EventEnvelope> envelopes) {
		Set<String> ids = envelopes.stream()
			.filter((envelope) -> envelope.orderId() != null && !OrderLifecycle.isOwn(envelope.payload()))
			.map(EventEnvelope::orderId)
			.collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return Mono.just(new ConcurrentHashMap<>());
		}
		return store.findAllById(ids).collect(ConcurrentHashMap::new, (known, order) -> known.put(order.id(), order));
	}

	/**
	 * Applies one event, deciding it first from its order in {@code known} if there, and
	 * leaving the order as it is afterwards there for the next event.
	 */
	public Mono<Void> apply(EventEnvelope envelope, Map<String, Order> known) {
		if (OrderLifecycle.isOwn(envelope.payload())) {
			return Mono.empty();
		}
		String eventId = envelope.eventId().toString();
		return Mono
			.defer(() -> current(envelope.orderId(), known).flatMap((order) -> applyTo(order, envelope, eventId, known))
				.defaultIfEmpty(Attempt.NO_SUCH_ORDER))
			.flatMap((attempt) -> (attempt == Attempt.LOST_RACE) ? Mono.error(new OrderContendedException(envelope))
					: Mono.just(attempt))
			// a lost race reads the order again and decides again; if it keeps losing,
			// the error reaches the listener, whose error handler retries the record and
			// then dead-letters it: never committed unapplied
			.retryWhen(Retry.backoff(MAX_ATTEMPTS - 1, FIRST_BACKOFF)
				.maxBackoff(MAX_BACKOFF)
				.filter(OrderContendedException.class::isInstance)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.doOnNext((attempt) -> {
				if (attempt == Attempt.NO_SUCH_ORDER) {
					log.warn("{} {} for unknown order {}: ignored", envelope.type(), eventId, envelope.orderId());
				}
			})
			.then();
	}

	// taken out, so that an attempt after a lost race reads the order again
	private Mono<Order> current(String orderId, Map<String, Order> known) {
		Order read = known.remove(orderId);
		return (read != null) ? Mono.just(read) : store.findById(orderId);
	}

	private Mono<Attempt> applyTo(Order order, EventEnvelope envelope, String eventId, Map<String, Order> known) {
		if (order.hasApplied(eventId)) {
			log.debug("{} {} already applied to order {}", envelope.type(), eventId, order.id());
			known.put(order.id(), order);
			return Mono.just(Attempt.DONE);
		}
		Outcome outcome = OrderLifecycle.apply(order, envelope);
		if (outcome instanceof Outcome.Applied applied) {
			return store.apply(order, eventId, applied.change(), clock.instant()).map((saved) -> {
				metrics.applied(order, saved, envelope.payload());
				known.put(saved.id(), saved);
				return Attempt.DONE;
			}).defaultIfEmpty(Attempt.LOST_RACE);
		}
		if (outcome instanceof Outcome.Stale stale) {
			log.info("{} {} for order {} came late ({}): remembered, not applied", envelope.type(), eventId, order.id(),
					stale.reason());
			return store.rememberStale(order, eventId).map((saved) -> {
				known.put(saved.id(), saved);
				return Attempt.DONE;
			}).defaultIfEmpty(Attempt.LOST_RACE);
		}
		known.put(order.id(), order);
		return Mono.just(Attempt.DONE);
	}

	/**
	 * What one read-decide-write of an event came to. A conditional write that matches
	 * nothing is a lost race (the order exists: it was just read), never an unknown
	 * order.
	 */
	private enum Attempt {

		/** Applied, remembered as late, applied before, or not an event for us. */
		DONE,

		/**
		 * The order changed between the read and the write (or the event was applied
		 * meanwhile): read it again and decide again.
		 */
		LOST_RACE,

		/** No order has this id. */
		NO_SUCH_ORDER

	}

}
