package com.rvssl.billing.orderstatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CancellationRefused;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.Event;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.SubmissionFailed;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps {@link OrderStatus} up to date from the order events, the way order-service keeps
 * its provider view: an event is applied once (its id is stored with the change), the
 * status only moves forward, and each write is a compare-and-set on the document's
 * version, decided again when another write got there first. Events come a poll at a
 * time, so the database work is per poll, not per event.
 */
@Component
public class OrderStatusProjection {

	private final ReactiveMongoTemplate mongo;

	OrderStatusProjection(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Applies a poll's order events: one read of the orders they concern, each order's
	 * events folded in the order they came, and one bulk write. Emits how many orders
	 * changed (none for repeats and types it does not show). A write another writer got
	 * to first (the version moved on, or the order was inserted meanwhile) fails the
	 * write; the whole batch is then decided again from a fresh read, which finds the
	 * events already applied and writes only the rest.
	 */
	public Mono<Integer> apply(List<EventEnvelope> envelopes) {
		Map<String, List<EventEnvelope>> byOrder = new LinkedHashMap<>();
		for (EventEnvelope envelope : envelopes) {
			if (envelope.orderId() != null && shows(envelope.payload())) {
				byOrder.computeIfAbsent(envelope.orderId(), (id) -> new ArrayList<>()).add(envelope);
			}
		}
		if (byOrder.isEmpty()) {
			return Mono.just(0);
		}
		return Mono
			.defer(() -> mongo.find(Query.query(where("_id").in(byOrder.keySet())), OrderStatus.class)
				.collectMap(OrderStatus::orderId)
				.flatMap((current) -> write(byOrder, current)))
			.retryWhen(Retry.backoff(20, Duration.ofMillis(10)).filter(OrderStatusProjection::lostRace));
	}

	/** The reseller's orders, newest first. */
	public Flux<OrderStatus> ofReseller(String resellerId, int limit) {
		return mongo.find(Query.query(where("resellerId").is(resellerId))
			.with(Sort.by(Sort.Direction.DESC, "placedAt"))
			.limit(limit), OrderStatus.class);
	}

	private Mono<Integer> write(Map<String, List<EventEnvelope>> byOrder, Map<String, OrderStatus> current) {
		ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, OrderStatus.class);
		int inserted = 0;
		int replaced = 0;
		for (Map.Entry<String, List<EventEnvelope>> order : byOrder.entrySet()) {
			OrderStatus before = current.get(order.getKey());
			OrderStatus next = fold(before, order.getValue());
			if (before == null) {
				bulk.insert(next);
				inserted++;
			}
			else if (next != before) {
				// nothing read back: the page reads the projection, this write only needs
				// to land, and only over the version it was decided from
				bulk.replaceOne(Query.query(where("_id").is(before.orderId()).and("version").is(before.version())),
						next.withVersion(before.version() + 1));
				replaced++;
			}
		}
		if (inserted + replaced == 0) {
			return Mono.just(0);
		}
		int replacements = replaced;
		int changed = inserted + replaced;
		return bulk.execute()
			.flatMap((result) -> (result.getMatchedCount() < replacements) ? Mono.error(new Conflict())
					: Mono.just(changed));
	}

	/**
	 * The order after its events, or {@code before} itself when every one was applied
	 * already; an order not seen yet starts from its first event.
	 */
	private static OrderStatus fold(OrderStatus before, List<EventEnvelope> events) {
		OrderStatus next = before;
		for (EventEnvelope envelope : events) {
			if (next == null) {
				next = OrderStatus.first(envelope.orderId(), envelope.resellerId(), envelope.occurredAt());
			}
			if (!next.hasApplied(envelope.eventId().toString())) {
				next = decide(next, envelope);
			}
		}
		return next;
	}

	private static boolean lostRace(Throwable failure) {
		if (failure instanceof BulkOperationException bulk) {
			return bulk.getErrors().stream().allMatch((error) -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
		}
		return failure instanceof Conflict || failure instanceof DuplicateKeyException
				|| failure instanceof com.mongodb.DuplicateKeyException;
	}

	private static OrderStatus decide(OrderStatus current, EventEnvelope envelope) {
		return next(current, envelope.payload(), envelope.occurredAt()).applied(envelope.eventId().toString());
	}

	private static OrderStatus next(OrderStatus current, Event event, Instant at) {
		if (event instanceof OrderPlaced placed) {
			return current
				.placed(placed.productCode(), placed.domains(), placed.wholesale().amount(),
						placed.wholesale().currency(), at)
				.movedTo(ProviderStatus.PROCESSING, null, at);
		}
		if (event instanceof CreditInsufficient) {
			return current.movedTo(ProviderStatus.WAITING_FOR_PAYMENT,
					"Submitted by itself once your credit covers it.", at);
		}
		if (event instanceof PaymentCaptured) {
			return current.movedTo(ProviderStatus.PAID, null, at);
		}
		if (event instanceof SubmissionFailed failed) {
			return failed.willRetry()
					? current.movedTo(ProviderStatus.SUBMISSION_RETRYING,
							"The certificate authority cannot be reached; retrying automatically.", at)
					: current.movedTo(ProviderStatus.REJECTED, failed.reason(), at);
		}
		if (event instanceof CertificateSubmitted) {
			return current.movedTo(ProviderStatus.SUBMITTED, null, at);
		}
		if (event instanceof CertificateValidationUpdated updated) {
			return current.movedTo(ProviderStatus.PENDING_VALIDATION, updated.detail(), at);
		}
		if (event instanceof CertificateIssued) {
			return current.movedTo(ProviderStatus.COMPLETE, null, at);
		}
		if (event instanceof CertificateRejected rejected) {
			return current.movedTo(ProviderStatus.REJECTED, rejected.reason(), at);
		}
		if (event instanceof OrderCancelled cancelled) {
			// only a request: the CA's answer decides
			return current
				.noted("Cancellation requested" + ((cancelled.reason() != null) ? ": " + cancelled.reason() : ""), at);
		}
		if (event instanceof CertificateCancelled cancelled) {
			return current.movedTo(ProviderStatus.CANCELLED, cancelled.detail(), at);
		}
		if (event instanceof CancellationRefused refused) {
			return current.noted("Cancellation refused: " + refused.reason(), at);
		}
		return current;
	}

	private static boolean shows(Event event) {
		return event instanceof OrderPlaced || event instanceof CreditInsufficient || event instanceof PaymentCaptured
				|| event instanceof SubmissionFailed || event instanceof CertificateSubmitted
				|| event instanceof CertificateValidationUpdated || event instanceof CertificateIssued
				|| event instanceof CertificateRejected || event instanceof OrderCancelled
				|| event instanceof CertificateCancelled || event instanceof CancellationRefused;
	}

	/** Another write changed the order's status document between read and write. */
	static final class Conflict extends RuntimeException {

		Conflict() {
			super("order status changed concurrently", null, false, false);
		}

	}

}
