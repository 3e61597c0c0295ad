package com.rvssl.statussync.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.statussync.gateway.CaOrderStatus;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The tracked orders in MongoDB. Every change of an order is one conditional update of its document
 * (a batch claim updates several in one request, each under the same condition), so it is
 * atomic with the events it causes (pushed to the same document's outbox), and its filter says
 * which state it may apply to: a stopped or finished order is never moved again, and a check
 * whose lease was lost cannot write its result.
 */
@Repository
public class TrackedOrders {

	/** Validation levels of placed orders, by order id (kept apart: an order is tracked only once submitted). */
	static final String VALIDATIONS = "order_validations";

	/**
	 * The renewal reminders (days before expiry) already recorded for the current certificate. Kept
	 * in the tracked document, outside {@link TrackedOrder}'s fields: only these queries use it.
	 */
	static final String REMINDERS_SENT = "remindersSent";

	private final ReactiveMongoTemplate mongo;

	public TrackedOrders(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Starts following an order. The order id is the document id, so a redelivered submission (or
	 * one arriving after the order was stopped) changes nothing.
	 * @return whether the order is newly tracked
	 */
	public Mono<Boolean> track(EventEnvelope envelope, CertificateSubmitted submitted, Validation validation,
			Instant firstCheck) {
		TrackedOrder order = new TrackedOrder(envelope.orderId(), envelope.resellerId(), envelope.correlationId(),
				submitted.ca(), submitted.caOrderId(), TrackingState.OUTSTANDING, null, null, null,
				envelope.occurredAt(), firstCheck, 0, 0, null, null, null, List.of(),
				List.of(envelope.eventId().toString()), validation, envelope.occurredAt(), null, null, null);
		return mongo.insert(order).thenReturn(true).onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
	}

	/**
	 * Stops following an order: no more checks. When the order is not tracked yet (cancelled while
	 * the gateway was still submitting) a stopped placeholder is kept, so a late submission is not
	 * followed either.
	 * @return whether anything changed
	 */
	public Mono<Boolean> stop(EventEnvelope envelope, Instant now) {
		String eventId = envelope.eventId().toString();
		Query outstanding = Query.query(Criteria.where("_id").is(envelope.orderId())
			.and("state").is(TrackingState.OUTSTANDING)
			.and("appliedEventIds").ne(eventId));
		Update stop = new Update().set("state", TrackingState.STOPPED)
			.set("finishedAt", now)
			.unset("leaseId")
			.addToSet("appliedEventIds", eventId);
		return mongo.updateFirst(outstanding, stop, TrackedOrder.class).flatMap(result -> {
			if (result.getMatchedCount() > 0) {
				return Mono.just(true);
			}
			TrackedOrder placeholder = new TrackedOrder(envelope.orderId(), envelope.resellerId(),
					envelope.correlationId(), null, null, TrackingState.STOPPED, null, null, null, null, null, 0, 0,
					null, null, now, List.of(), List.of(eventId), null, null, null, null, null);
			return mongo.insert(placeholder)
				.thenReturn(true)
				.onErrorResume(DuplicateKeyException.class, alreadyKnown -> Mono.just(false));
		});
	}

	/**
	 * Claims up to {@code limit} due outstanding orders for {@code owner}, most overdue first, in
	 * three round trips whatever the limit: the ids of the most overdue (sorted by due time, ids
	 * only), one update of those still due that moves their next check to the end of the lease
	 * (so no other instance sees them due until then) under one lease id for this batch, and the
	 * documents that carry that lease id. The update repeats the claim condition for each document,
	 * so an order another instance claimed between the look-up and the update is simply not in
	 * this batch. The lease id is shared by the batch, but every later write names its order's
	 * {@code _id} as well, and a claim after an expired lease always brings a new one. Empty when
	 * nothing is due.
	 */
	public Flux<TrackedOrder> claimBatch(Instant now, Instant leaseUntil, String owner, int limit) {
		if (limit <= 0) {
			return Flux.empty();
		}
		Query mostOverdue = due(now).with(Sort.by("nextCheckAt")).limit(limit);
		mostOverdue.fields().include("_id");
		return mongo.find(mostOverdue, Document.class, TrackedOrder.COLLECTION)
			.map(document -> document.get("_id"))
			.collectList()
			.filter(ids -> !ids.isEmpty())
			.flatMapMany(ids -> lease(ids, now, leaseUntil, owner));
	}

	private Flux<TrackedOrder> lease(List<Object> ids, Instant now, Instant leaseUntil, String owner) {
		String leaseId = UUID.randomUUID().toString();
		Query stillDue = Query.query(Criteria.where("_id").in(ids)
			.and("state").is(TrackingState.OUTSTANDING)
			.and("nextCheckAt").lte(now));
		Update lease = new Update().set("nextCheckAt", leaseUntil).set("leaseId", leaseId).set("leaseOwner", owner);
		Map<String, Integer> dueRank = new HashMap<>();
		ids.forEach(id -> dueRank.putIfAbsent(String.valueOf(id), dueRank.size()));
		return mongo.updateMulti(stillDue, lease, TrackedOrder.class)
			.filter(result -> result.getModifiedCount() > 0)
			// looked up by _id alone, which every server answers from its primary index (the embedded
			// one too); the lease id picks this batch's claims out of the few documents returned
			.flatMapMany(leased -> mongo.find(Query.query(Criteria.where("_id").in(ids)), TrackedOrder.class))
			.filter(order -> leaseId.equals(order.leaseId()))
			.sort(Comparator.comparing((TrackedOrder order) -> dueRank.getOrDefault(order.id(), Integer.MAX_VALUE)));
	}

	/** The due time of the most overdue outstanding check, if any is due: how late the poller is. */
	public Mono<Instant> oldestDue(Instant now) {
		Query query = due(now).with(Sort.by("nextCheckAt"))
			.limit(1);
		query.fields().include("nextCheckAt");
		return mongo.findOne(query, Document.class, TrackedOrder.COLLECTION)
			.mapNotNull(document -> document.getDate("nextCheckAt"))
			.map(java.util.Date::toInstant);
	}

	/**
	 * A DCV resend or a reissue: the customer is acting now, so the pace starts again and, unless a
	 * check is running (its result will use the new pace), the next check comes soon.
	 */
	public Mono<Void> nudge(String orderId, Instant now, Instant soon) {
		Query outstanding = Query.query(Criteria.where("_id").is(orderId).and("state").is(TrackingState.OUTSTANDING));
		Query idleAndLater = Query.query(Criteria.where("_id").is(orderId)
			.and("state").is(TrackingState.OUTSTANDING)
			.and("leaseId").is(null)
			.and("nextCheckAt").gt(soon));
		return mongo.updateFirst(outstanding, new Update().set("paceFrom", now), TrackedOrder.class)
			.then(mongo.updateFirst(idleAndLater, new Update().set("nextCheckAt", soon), TrackedOrder.class))
			.then();
	}

	/**
	 * A CA pushed news about one of its orders: check it now, whatever the schedule says (the push
	 * is the CA's own word that something changed, so the minimum interval does not apply). An
	 * order whose check is running is left to it, never checked a second time alongside; its
	 * {@code pushedAt} makes the poller look once more right after that check (see
	 * {@link #recheckIfPushedSince}).
	 * @return whether the CA order is one of ours still outstanding
	 */
	public Mono<Boolean> pushed(CertificateAuthority ca, String caOrderId, Instant now) {
		Criteria outstanding = Criteria.where("ca").is(ca).and("caOrderId").is(caOrderId).and("state").is(TrackingState.OUTSTANDING);
		Query idle = Query.query(Criteria.where("ca").is(ca)
			.and("caOrderId").is(caOrderId)
			.and("state").is(TrackingState.OUTSTANDING)
			.and("leaseId").is(null));
		return mongo.updateFirst(Query.query(outstanding), new Update().set("pushedAt", now), TrackedOrder.class)
			.flatMap(result -> (result.getMatchedCount() == 0) ? Mono.just(false)
					: mongo.updateFirst(idle, new Update().set("nextCheckAt", now), TrackedOrder.class).thenReturn(true));
	}

	/**
	 * After a check claimed at {@code claimedAt} was written: if a push came in since, the check may
	 * have asked the CA just before the change, so the order is due again at once. MongoDB keeps
	 * milliseconds, so only a push in a later millisecond than the claim counts: the push that made
	 * the order due is stored in the claim's own millisecond when the poll starts right after it,
	 * and must not cause a second check (one within that millisecond after the claim is left to
	 * the schedule).
	 */
	public Mono<Void> recheckIfPushedSince(String orderId, Instant claimedAt, Instant now) {
		Query pushedMeanwhile = Query.query(Criteria.where("_id").is(orderId)
			.and("state").is(TrackingState.OUTSTANDING)
			.and("leaseId").is(null)
			.and("pushedAt").gt(claimedAt.truncatedTo(ChronoUnit.MILLIS)));
		return mongo.updateFirst(pushedMeanwhile, new Update().set("nextCheckAt", now), TrackedOrder.class).then();
	}

	/**
	 * A reissue of an issued order: follow it again until the CA serves a certificate with a new
	 * serial. Orders not issued yet are only nudged.
	 */
	public Mono<Boolean> reopenForReissue(String orderId, Instant now, Instant soon) {
		Query issued = Query.query(Criteria.where("_id").is(orderId)
			.and("state").is(TrackingState.DONE)
			.and("lastStatus").is(CaOrderStatus.ISSUED));
		Update reopen = new Update().set("state", TrackingState.OUTSTANDING)
			.set("nextCheckAt", soon)
			.set("paceFrom", now)
			.unset("finishedAt");
		return mongo.updateFirst(issued, reopen, TrackedOrder.class).map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * Remembers from an order's OrderPlaced its validation level (for the pace of its checks once
	 * submitted) and its common name (for its renewal reminders).
	 */
	public Mono<Void> rememberOrder(String orderId, Validation validation, String commonName) {
		Query byId = Query.query(Criteria.where("_id").is(orderId));
		return mongo.upsert(byId, new Update().set("validation", validation == null ? null : validation.name())
			.set("commonName", commonName), VALIDATIONS).then();
	}

	/** The common name OrderPlaced announced, if it was seen. */
	public Mono<String> commonNameOf(String orderId) {
		return mongo.findById(orderId, Document.class, VALIDATIONS).mapNotNull(document -> document.getString("commonName"));
	}

	/** The validation level OrderPlaced announced; DV (the fast pace) when it was not seen. */
	public Mono<Validation> validationOf(String orderId) {
		return mongo.findById(orderId, Document.class, VALIDATIONS)
			.mapNotNull(document -> document.getString("validation"))
			.map(Validation::valueOf)
			.defaultIfEmpty(Validation.DV);
	}

	/** Issued certificates that expire between {@code from} and {@code until}, soonest first. */
	public Flux<TrackedOrder> expiring(Instant from, Instant until) {
		Query query = Query.query(Criteria.where("state").is(TrackingState.DONE).and("notAfter").gte(from).lte(until))
			.with(Sort.by("notAfter"));
		return mongo.find(query, TrackedOrder.class);
	}

	/**
	 * Issued certificates, still valid at {@code now}, that expire within {@code days} days and have
	 * not had that reminder (nor a nearer one) yet.
	 */
	public Flux<TrackedOrder> dueForReminder(Instant now, int days, int limit) {
		Query query = Query.query(Criteria.where("state").is(TrackingState.DONE)
			.and("notAfter").gt(now).lte(now.plus(java.time.Duration.ofDays(days)))
			.and(REMINDERS_SENT).ne(days)).limit(limit);
		return mongo.find(query, TrackedOrder.class);
	}

	/**
	 * Records the {@code days} reminder of an issued certificate and its RenewalDue event in one
	 * update, together with the farther reminders ({@code covered}) it makes pointless. Refused when
	 * that reminder was already recorded (another sweep or replica was first) or the certificate
	 * changed meanwhile (a reissue), so each reminder goes out once per certificate.
	 * @return whether this call recorded it
	 */
	public Mono<Boolean> remind(TrackedOrder order, int days, List<Integer> covered, RenewalDue event) {
		Query notYet = Query.query(Criteria.where("_id").is(order.id())
			.and("state").is(TrackingState.DONE)
			.and("notAfter").is(order.notAfter())
			.and(REMINDERS_SENT).ne(days));
		Update update = new Update().push("outbox").each(TrackedOrderOutbox.entry(order, event));
		update.addToSet(REMINDERS_SENT).each(covered.toArray());
		return mongo.updateFirst(notYet, update, TrackedOrder.class).map(result -> result.getModifiedCount() > 0);
	}

	public Mono<Long> countExpiring(Instant from, Instant until) {
		return mongo.count(Query.query(Criteria.where("state").is(TrackingState.DONE).and("notAfter").gte(from).lte(until)),
				TrackedOrder.class);
	}

	/**
	 * Writes what a check found, the events it causes and the next check time in one update; refused
	 * when the order was stopped meanwhile or the lease went to someone else.
	 */
	public Mono<Boolean> record(TrackedOrder claimed, String leaseId, Observation observation, Instant nextCheckAt,
			Instant now) {
		Update update = new Update().set("state", observation.state())
			.set("lastStatus", observation.status().status())
			.set("lastCaStatus", observation.status().caStatus())
			.set("lastDetail", observation.status().detail())
			.set("lastStage", observation.status().stage())
			.set("lastDcv", observation.status().dcv())
			.set("consecutiveFailures", 0)
			.unset("lastError")
			.unset("leaseId")
			.unset("leaseOwner")
			.inc("checks", 1);
		observation.events()
			.stream()
			.filter(CertificateIssued.class::isInstance)
			.map(CertificateIssued.class::cast)
			.findFirst()
			// a new certificate (first issue or a reissue) starts its own reminders
			.ifPresent(issued -> update.set("notAfter", issued.notAfter())
				.set("issuedSerial", issued.serialNumber())
				.unset(REMINDERS_SENT));
		if (observation.isFinal()) {
			update.set("finishedAt", now).unset("nextCheckAt");
		}
		else {
			update.set("nextCheckAt", nextCheckAt);
		}
		List<Document> entries = observation.events()
			.stream()
			.map(event -> TrackedOrderOutbox.entry(claimed, event))
			.toList();
		if (!entries.isEmpty()) {
			update.push("outbox").each(entries.toArray());
		}
		return mongo.updateFirst(leased(claimed.id(), leaseId), update, TrackedOrder.class)
			.map(result -> result.getModifiedCount() > 0);
	}

	/** The gateway could not answer: count the failure and look again later. The order is never dropped. */
	public Mono<Boolean> recordGatewayError(String orderId, String leaseId, String error, Instant nextCheckAt) {
		Update update = new Update().set("nextCheckAt", nextCheckAt)
			.set("lastError", error)
			.unset("leaseId")
			.unset("leaseOwner")
			.inc("checks", 1)
			.inc("consecutiveFailures", 1);
		return mongo.updateFirst(leased(orderId, leaseId), update, TrackedOrder.class)
			.map(result -> result.getModifiedCount() > 0);
	}

	public Mono<Long> countOutstanding() {
		return mongo.count(Query.query(Criteria.where("state").is(TrackingState.OUTSTANDING)), TrackedOrder.class);
	}

	public Flux<TrackedOrder> all(TrackingState state) {
		Query query = (state != null) ? Query.query(Criteria.where("state").is(state)) : new Query();
		return mongo.find(query.with(Sort.by("_id")), TrackedOrder.class);
	}

	public Mono<TrackedOrder> byId(String orderId) {
		return mongo.findById(orderId, TrackedOrder.class);
	}

	/** Outstanding and due: the claim condition, on the {@code due_checks} index (state, nextCheckAt). */
	private static Query due(Instant now) {
		return Query.query(Criteria.where("state").is(TrackingState.OUTSTANDING).and("nextCheckAt").lte(now));
	}

	private static Query leased(String orderId, String leaseId) {
		return Query.query(Criteria.where("_id").is(orderId)
			.and("state").is(TrackingState.OUTSTANDING)
			.and("leaseId").is(leaseId));
	}

}
