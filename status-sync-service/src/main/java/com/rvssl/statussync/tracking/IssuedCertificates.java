package com.rvssl.statussync.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.kit.outbox.OutboxWakeUp;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The certificates of issued orders ({@code DONE} with a {@code notAfter}): which expire
 * when, and the renewal reminders already recorded for each, on the {@code expiry} index
 * (state, notAfter). Reminders to buy again are for a plan's last certificate only; the
 * others are watched for expiring before their successor arrives.
 */
@Repository
public class IssuedCertificates {

	/**
	 * The renewal reminders (days before expiry) already recorded for the current
	 * certificate. Kept in the tracked document, outside {@link TrackedOrder}'s fields:
	 * only these queries use it, and a new certificate clears it
	 * ({@link TrackedOrders#record}).
	 */
	static final String REMINDERS_SENT = "remindersSent";

	/**
	 * Whether the order's plan needs another certificate after the current one (set with
	 * each certificate, {@link TrackedOrders#record}): true, its expiry is no news for
	 * the customer (the platform reissues within the plan), so no reminder to buy again;
	 * false or absent (a plan's last certificate, or an order whose term is not known),
	 * reminders as before.
	 */
	static final String PLAN_GOES_ON = "planGoesOn";

	/**
	 * Whether the current certificate's {@code CertificateExpiringUnrenewed} was queued;
	 * a new certificate clears it ({@link TrackedOrders#record}).
	 */
	static final String EXPIRY_WARNED = "expiryWarned";

	private final ReactiveMongoTemplate mongo;

	private final OutboxWakeUp outboxes;

	public IssuedCertificates(ReactiveMongoTemplate mongo, OutboxWakeUp outboxes) {
		this.mongo = mongo;
		this.outboxes = outboxes;
	}

	/**
	 * Issued certificates that expire between {@code from} and {@code until}, soonest
	 * first.
	 */
	public Flux<TrackedOrder> expiring(Instant from, Instant until) {
		return mongo.find(expiringBetween(from, until).with(Sort.by("notAfter")), TrackedOrder.class);
	}

	public Mono<Long> countExpiring(Instant from, Instant until) {
		return mongo.count(expiringBetween(from, until), TrackedOrder.class);
	}

	/**
	 * Certificates expiring between {@code from} and {@code until} whose plan goes on and
	 * which no new certificate has replaced yet, whether a reissue is being followed
	 * ({@code OUTSTANDING} again) or not ({@code DONE}): the customer risks being
	 * uncovered. Counted per reseller and tracking state, for the gauge.
	 */
	public Flux<UnrenewedCount> countExpiringUnrenewed(Instant from, Instant until) {
		Aggregation count = Aggregation.newAggregation(Aggregation.match(unrenewedBetween(from, until)),
				Aggregation.group("resellerId", "state").count().as("count"));
		return mongo.aggregate(count, TrackedOrder.COLLECTION, Document.class).map(UnrenewedCount::of);
	}

	/**
	 * The certificates {@link #countExpiringUnrenewed} counts whose
	 * {@code CertificateExpiringUnrenewed} is still to be published.
	 */
	public Flux<TrackedOrder> expiringUnrenewedNotWarned(Instant from, Instant until, int limit) {
		return mongo.find(Query.query(unrenewedBetween(from, until).and(EXPIRY_WARNED).ne(true)).limit(limit),
				TrackedOrder.class);
	}

	/**
	 * Queues the {@code CertificateExpiringUnrenewed} of the order's current certificate
	 * and records it in one update. Refused when it was recorded already (another sweep
	 * or replica was first) or the certificate changed meanwhile: one warning per serial.
	 * @return whether this call queued it
	 */
	public Mono<Boolean> warnUnrenewed(TrackedOrder order, CertificateExpiringUnrenewed event) {
		Query notYet = Query.query(Criteria.where("_id")
			.is(order.id())
			.and("state")
			.in(TrackingState.DONE, TrackingState.OUTSTANDING)
			.and("issuedSerial")
			.is(event.serialNumber())
			.and(PLAN_GOES_ON)
			.is(true)
			.and(EXPIRY_WARNED)
			.ne(true));
		Update update = new Update().push("outbox")
			.each(TrackedOrderOutbox.entry(order, event))
			.set(EXPIRY_WARNED, true);
		return mongo.updateFirst(notYet, update, TrackedOrder.class)
			.map(result -> result.getModifiedCount() > 0)
			.doOnNext(written -> {
				if (written) {
					outboxes.filled(TrackedOrder.COLLECTION, order.id());
				}
			});
	}

	/**
	 * The last certificates of their plans (see {@link #PLAN_GOES_ON}), still valid at
	 * {@code now}, that expire within {@code days} days and have not had that reminder
	 * (nor a nearer one) yet.
	 */
	public Flux<TrackedOrder> dueForReminder(Instant now, int days, int limit) {
		Query query = Query
			.query(Criteria.where("state")
				.is(TrackingState.DONE)
				.and("notAfter")
				.gt(now)
				.lte(now.plus(Duration.ofDays(days)))
				.and(REMINDERS_SENT)
				.ne(days)
				.and(PLAN_GOES_ON)
				.ne(true))
			.limit(limit);
		return mongo.find(query, TrackedOrder.class);
	}

	/**
	 * Records the {@code days} reminder of an issued certificate and its RenewalDue event
	 * in one update, together with the farther reminders ({@code covered}) it makes
	 * pointless. Refused when that reminder was already recorded (another sweep or
	 * replica was first) or the certificate changed meanwhile (a reissue), so each
	 * reminder goes out once per certificate.
	 * @return whether this call recorded it
	 */
	public Mono<Boolean> remind(TrackedOrder order, int days, List<Integer> covered, RenewalDue event) {
		Query notYet = Query.query(Criteria.where("_id")
			.is(order.id())
			.and("state")
			.is(TrackingState.DONE)
			.and("notAfter")
			.is(order.notAfter())
			.and(REMINDERS_SENT)
			.ne(days)
			.and(PLAN_GOES_ON)
			.ne(true));
		Update update = new Update().push("outbox").each(TrackedOrderOutbox.entry(order, event));
		update.addToSet(REMINDERS_SENT).each(covered.toArray());
		return mongo.updateFirst(notYet, update, TrackedOrder.class)
			.map(result -> result.getModifiedCount() > 0)
			.doOnNext(written -> {
				if (written) {
					outboxes.filled(TrackedOrder.COLLECTION, order.id());
				}
			});
	}

	/**
	 * On the {@code expiry} index (state, notAfter): a plan's current certificate, issued
	 * ({@code DONE}) or being reissued ({@code OUTSTANDING} with the certificate it
	 * replaces still recorded), expiring in the window while the plan goes on.
	 */
	private static Criteria unrenewedBetween(Instant from, Instant until) {
		return Criteria.where("state")
			.in(TrackingState.DONE, TrackingState.OUTSTANDING)
			.and("notAfter")
			.gte(from)
			.lte(until)
			.and(PLAN_GOES_ON)
			.is(true);
	}

	private static Query expiringBetween(Instant from, Instant until) {
		return Query.query(Criteria.where("state").is(TrackingState.DONE).and("notAfter").gte(from).lte(until));
	}

}
