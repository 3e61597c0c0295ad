package com.rvssl.billing.orderstatus;

import java.time.Duration;
import java.time.Instant;

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
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps {@link OrderStatus} up to date from the order events, the way order-service keeps
 * its provider view: an event is applied once (its id is stored with the change), the
 * status only moves forward, and each write is a compare-and-set on the document's
 * version, decided again when another write got there first.
 */
@Component
public class OrderStatusProjection {

	private final ReactiveMongoTemplate mongo;

	OrderStatusProjection(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Applies one order event; emits whether it changed anything (false for a repeat or a
	 * type it does not show).
	 */
	public Mono<Boolean> apply(EventEnvelope envelope) {
		if (envelope.orderId() == null || !shows(envelope.payload())) {
			return Mono.just(false);
		}
		return Mono
			.defer(() -> mongo.findById(envelope.orderId(), OrderStatus.class)
				.flatMap((current) -> write(current, envelope))
				.switchIfEmpty(Mono.defer(() -> insert(envelope))))
			.retryWhen(Retry.backoff(20, Duration.ofMillis(10))
				.filter((ex) -> ex instanceof Conflict || ex instanceof DuplicateKeyException
						|| ex instanceof com.mongodb.DuplicateKeyException));
	}

	/** The reseller's orders, newest first. */
	public Flux<OrderStatus> ofReseller(String resellerId, int limit) {
		return mongo.find(Query.query(where("resellerId").is(resellerId))
			.with(Sort.by(Sort.Direction.DESC, "placedAt"))
			.limit(limit), OrderStatus.class);
	}

	private Mono<Boolean> insert(EventEnvelope envelope) {
		OrderStatus next = decide(OrderStatus.first(envelope.orderId(), envelope.resellerId(), envelope.occurredAt()),
				envelope);
		return mongo.insert(next).thenReturn(true);
	}

	private Mono<Boolean> write(OrderStatus current, EventEnvelope envelope) {
		String eventId = envelope.eventId().toString();
		if (current.hasApplied(eventId)) {
			return Mono.just(false);
		}
		OrderStatus next = decide(current, envelope);
		OrderStatus versioned = new OrderStatus(next.orderId(), next.resellerId(), next.productCode(), next.domains(),
				next.amount(), next.currency(), next.placedAt(), next.status(), next.detail(), next.updatedAt(),
				next.appliedEventIds(), current.version() + 1);
		Query unchanged = Query.query(where("_id").is(current.orderId()).and("version").is(current.version()));
		// nothing read back: the page reads the projection, this write only needs to land
		return mongo.replace(unchanged, versioned)
			.flatMap((result) -> (result.getMatchedCount() == 0) ? Mono.error(new Conflict()) : Mono.just(true));
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
