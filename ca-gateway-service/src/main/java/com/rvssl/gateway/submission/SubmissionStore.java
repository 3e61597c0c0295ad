package com.rvssl.gateway.submission;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import com.rvssl.kit.outbox.OutboxEntry;
import com.rvssl.kit.outbox.OutboxWakeUp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change of a {@link SubmissionRecord} is one conditional update here: the filter
 * names the state the change starts from (and refuses an event id already applied), so of
 * two racing changes exactly one wins, and the events a change causes enter the outbox in
 * the same update.
 */
@Component
public class SubmissionStore {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	/** A CA's queue: oldest first, orders of the same instant by id. */
	private static final Sort QUEUE_ORDER = Sort.by("createdAt", "_id");

	private static final Comparator<SubmissionRecord> IN_QUEUE_ORDER = Comparator
		.comparing(SubmissionRecord::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(SubmissionRecord::orderId);

	/** Set while a re-attempt must wait for an unanswered place (see recordRetrying). */
	private static final String NOT_BEFORE = "notBefore";

	private final ReactiveMongoTemplate mongo;

	private final OutboxWakeUp outboxes;

	SubmissionStore(ReactiveMongoTemplate mongo, OutboxWakeUp outboxes) {
		this.mongo = mongo;
		this.outboxes = outboxes;
	}

	public Mono<SubmissionRecord> find(String orderId) {
		return mongo.findById(orderId, SubmissionRecord.class);
	}

	/**
	 * Paid orders of this CA not at the CA yet: being submitted or waiting to be tried
	 * again.
	 */
	Mono<Long> countWaiting(com.rvssl.contracts.CertificateAuthority ca) {
		return mongo.count(Query
			.query(Criteria.where("ca").is(ca).and("state").in(SubmissionState.SUBMITTING, SubmissionState.RETRYING)),
				SubmissionRecord.class);
	}

	/**
	 * Keeps a new order's spec; false when it is already known (a redelivered
	 * OrderPlaced).
	 */
	Mono<Boolean> insert(SubmissionRecord record) {
		return mongo.insert(record).thenReturn(true).onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	/**
	 * The claim PaymentCaptured makes; empty when the record is not waiting for payment
	 * (any more).
	 */
	Mono<SubmissionRecord> claimPaid(String orderId, String eventId, Instant now) {
		return claimPaid(orderId, eventId, now, null);
	}

	/**
	 * The same, and (non-null {@code caAccount}) the CA account the order is placed with,
	 * in the same update: the record has never been at the CA (it waited for payment), so
	 * nothing was asked of another account before.
	 */
	Mono<SubmissionRecord> claimPaid(String orderId, String eventId, Instant now, String caAccount) {
		Query query = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(SubmissionState.AWAITING_PAYMENT)
			.and("appliedEventIds")
			.ne(eventId));
		Update update = new Update().set("state", SubmissionState.SUBMITTING)
			.set("claimedAt", now)
			.set("claimToken", newClaimToken())
			.set("updatedAt", now)
			.inc("attempts", 1)
			.push("appliedEventIds", eventId);
		if (caAccount != null) {
			update.set("caAccount", caAccount);
		}
		return mongo.findAndModify(query, update, RETURN_NEW, SubmissionRecord.class);
	}

	/**
	 * Claims the oldest record whose re-attempt is due, or whose claim is so old its
	 * holder must have crashed. A CA's waiting orders keep their queue: a due record with
	 * an older one of its CA still waiting is put back behind it (its re-attempt moved to
	 * the older one's), so the re-attempt that finds a CA back is always that CA's oldest
	 * order, and the rest follow it oldest first (see {@link #backlogDueNow}). Only the
	 * head of each CA's queue calls a CA that is down. Age is {@code createdAt}, then
	 * {@code _id} among orders of the same instant: both queries must agree on the head,
	 * whatever plan the database picks, or a record could be queued behind one that is
	 * not ahead of it.
	 */
	Mono<SubmissionRecord> claimDue(Instant now, Instant staleBefore) {
		// two queries, not one $or: each reads its own index ("due", "claims") on every
		// server, where an $or is a scan of every submission ever made on some
		Query retrying = Query.query(Criteria.where("state").is(SubmissionState.RETRYING).and("nextAttemptAt").lte(now))
			.with(QUEUE_ORDER);
		Query stale = Query
			.query(Criteria.where("state").is(SubmissionState.SUBMITTING).and("claimedAt").lte(staleBefore))
			.with(QUEUE_ORDER);
		return Flux
			.concat(mongo.findOne(retrying, SubmissionRecord.class), mongo.findOne(stale, SubmissionRecord.class))
			.sort(IN_QUEUE_ORDER)
			.next()
			.flatMap(record -> {
				if (record.state() != SubmissionState.RETRYING) {
					return claim(Criteria.where("_id")
						.is(record.orderId())
						.and("state")
						.is(SubmissionState.SUBMITTING)
						.and("claimedAt")
						.lte(staleBefore), now);
				}
				return oldestWaiting(record.ca()).flatMap(head -> {
					if (head.orderId().equals(record.orderId()) || head.nextAttemptAt() == null) {
						return claimRetrying(record.orderId(), now);
					}
					if (!head.nextAttemptAt().isAfter(now)) {
						// the head is due too: it goes first (queued behind it,
						// this record would stay due and be found again)
						return claimRetrying(head.orderId(), now);
					}
					return queueBehind(record, head.nextAttemptAt(), now)
						.then(Mono.defer(() -> claimDue(now, staleBefore)));
				});
			});
	}

	private Mono<SubmissionRecord> claimRetrying(String orderId, Instant now) {
		return claim(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(SubmissionState.RETRYING)
			.and("nextAttemptAt")
			.lte(now), now);
	}

	private Mono<SubmissionRecord> oldestWaiting(CertificateAuthority ca) {
		Query waiting = Query.query(Criteria.where("state").is(SubmissionState.RETRYING).and("ca").is(ca))
			.with(QUEUE_ORDER);
		return mongo.findOne(waiting, SubmissionRecord.class);
	}

	private Mono<Void> queueBehind(SubmissionRecord record, Instant headsAttempt, Instant now) {
		Query stillDue = Query.query(Criteria.where("_id")
			.is(record.orderId())
			.and("state")
			.is(SubmissionState.RETRYING)
			.and("nextAttemptAt")
			.lte(now));
		return mongo.updateFirst(stillDue, new Update().set("nextAttemptAt", headsAttempt), SubmissionRecord.class)
			.then();
	}

	private Mono<SubmissionRecord> claim(Criteria claimable, Instant now) {
		Update update = new Update().set("state", SubmissionState.SUBMITTING)
			.set("claimedAt", now)
			.set("claimToken", newClaimToken())
			.set("updatedAt", now)
			.unset("nextAttemptAt")
			.inc("attempts", 1);
		return mongo.findAndModify(Query.query(claimable), update, RETURN_NEW, SubmissionRecord.class);
	}

	/**
	 * The CA took an order again: the rest of its backlog is due now, so the sweep drains
	 * it oldest first (paced by the CA's rate limiter) instead of in the turns the
	 * outage's back-off left; all but records waiting for an unanswered place to have
	 * been carried out.
	 */
	Mono<Long> backlogDueNow(CertificateAuthority ca, Instant now) {
		Query waiting = Query.query(Criteria.where("state")
			.is(SubmissionState.RETRYING)
			.and("ca")
			.is(ca)
			.and("nextAttemptAt")
			.gt(now)
			.and(NOT_BEFORE)
			.not()
			.gt(now));
		return mongo.updateMulti(waiting, new Update().set("nextAttemptAt", now), SubmissionRecord.class)
			.map(result -> result.getModifiedCount());
	}

	Mono<Boolean> recordSubmitted(SubmissionRecord claimed, String caOrderId, OutboxEntry event, Instant now) {
		return recordSubmitted(claimed, caOrderId, event, now, null);
	}

	/**
	 * The same, and (non-null {@code referenceCheckAt}) when to search the CA for a late
	 * order of this reference.
	 */
	Mono<Boolean> recordSubmitted(SubmissionRecord claimed, String caOrderId, OutboxEntry event, Instant now,
			Instant referenceCheckAt) {
		Update update = new Update().set("state", SubmissionState.SUBMITTED)
			.set("caOrderId", caOrderId)
			.set("updatedAt", now)
			.unset("lastError")
			.unset("nextAttemptAt")
			.push("outbox", event);
		return updateClaimed(claimed, checkReferenceAt(update, referenceCheckAt));
	}

	Mono<Boolean> recordFailed(SubmissionRecord claimed, String reason, List<OutboxEntry> events, Instant now) {
		return recordFailed(claimed, reason, events, now, null);
	}

	Mono<Boolean> recordFailed(SubmissionRecord claimed, String reason, List<OutboxEntry> events, Instant now,
			Instant referenceCheckAt) {
		Update update = new Update().set("state", SubmissionState.FAILED)
			.set("lastError", reason)
			.set("updatedAt", now)
			.push("outbox")
			.each(events.toArray());
		return updateClaimed(claimed, checkReferenceAt(update, referenceCheckAt));
	}

	private static Update checkReferenceAt(Update update, Instant referenceCheckAt) {
		return (referenceCheckAt != null) ? update.set("referenceCheckAt", referenceCheckAt) : update;
	}

	/**
	 * Records what became of a reissue or DCV resend; false when that event was applied
	 * already.
	 */
	Mono<Boolean> recordCaAction(String orderId, CaAction action, Instant now) {
		return recordCaAction(orderId, action, null, now);
	}

	/**
	 * The same, and the DCV method the CA validates by from now on ({@code dcv}
	 * non-null), in the same update.
	 */
	Mono<Boolean> recordCaAction(String orderId, CaAction action, Dcv dcv, Instant now) {
		Query query = Query.query(Criteria.where("_id").is(orderId).and("appliedEventIds").ne(action.eventId()));
		Update update = new Update().push("appliedEventIds", action.eventId())
			.push("caActions", action)
			.set("updatedAt", now);
		if (dcv != null) {
			update.set("dcv", dcv);
		}
		return mongo.updateFirst(query, update, SubmissionRecord.class).map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * A DCV change before the order reached the CA: the order is placed with the new
	 * method instead.
	 */
	Mono<Boolean> replaceDcvBeforeSubmission(String orderId, Dcv dcv, CaAction action, Instant now) {
		return replaceBeforeSubmission(orderId, "dcv", dcv, action, now);
	}

	/**
	 * A reissue before the order reached the CA: the order is placed over the new CSR
	 * instead.
	 */
	Mono<Boolean> replaceCsrBeforeSubmission(String orderId, String csr, CaAction action, Instant now) {
		return replaceBeforeSubmission(orderId, "csr", csr, action, now);
	}

	private Mono<Boolean> replaceBeforeSubmission(String orderId, String field, Object value, CaAction action,
			Instant now) {
		Query query = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.in(SubmissionState.AWAITING_PAYMENT, SubmissionState.RETRYING)
			.and("appliedEventIds")
			.ne(action.eventId()));
		Update update = new Update().set(field, value)
			.push("appliedEventIds", action.eventId())
			.push("caActions", action)
			.set("updatedAt", now);
		return mongo.updateFirst(query, update, SubmissionRecord.class).map(result -> result.getModifiedCount() > 0);
	}

	Mono<Boolean> recordRetrying(SubmissionRecord claimed, String reason, Instant nextAttemptAt, OutboxEntry event,
			Instant now) {
		return recordRetrying(claimed, reason, nextAttemptAt, event, now, null);
	}

	Mono<Boolean> recordRetrying(SubmissionRecord claimed, String reason, Instant nextAttemptAt, OutboxEntry event,
			Instant now, Instant referenceCheckAt) {
		return recordRetrying(claimed, reason, nextAttemptAt, event, now, referenceCheckAt, null);
	}

	/**
	 * The same, and (non-null {@code notBefore}) a re-attempt that nothing brings forward
	 * ({@link #backlogDueNow}): a place of this attempt got no answer and may still be on
	 * its way through the CA, so the reference is not looked up before then.
	 */
	Mono<Boolean> recordRetrying(SubmissionRecord claimed, String reason, Instant nextAttemptAt, OutboxEntry event,
			Instant now, Instant referenceCheckAt, Instant notBefore) {
		Update update = new Update().set("state", SubmissionState.RETRYING)
			.set("lastError", reason)
			.set("nextAttemptAt", nextAttemptAt)
			.set("updatedAt", now)
			.push("outbox", event);
		if (notBefore != null) {
			update.set(NOT_BEFORE, notBefore);
		}
		else {
			update.unset(NOT_BEFORE);
		}
		return updateClaimed(claimed, checkReferenceAt(update, referenceCheckAt));
	}

	/**
	 * The fence: only the holder of this very claim (its token) may record its outcome;
	 * false when the claim was taken over (or the order cancelled) meanwhile, and the
	 * record is then left as it is.
	 */
	private Mono<Boolean> updateClaimed(SubmissionRecord claimed, Update update) {
		Query query = Query.query(Criteria.where("_id")
			.is(claimed.orderId())
			.and("state")
			.is(SubmissionState.SUBMITTING)
			.and("claimToken")
			.is(claimed.claimToken()));
		return mongo.updateFirst(query, update, SubmissionRecord.class)
			.map(result -> result.getModifiedCount() > 0)
			.doOnNext(written -> outboxes.filled(written, SubmissionRecord.COLLECTION, claimed.orderId()));
	}

	private static String newClaimToken() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Keeps a CA order that an attempt placed after losing its claim, to be cancelled at
	 * the CA once the record has settled (see {@link #withStrays}); the record as it is
	 * now, or empty when it already holds that very order (the attempt that took over
	 * adopted it) or does not exist.
	 */
	Mono<SubmissionRecord> noteStray(String orderId, String caOrderId, Instant now) {
		Query query = Query.query(Criteria.where("_id").is(orderId).and("caOrderId").ne(caOrderId));
		Update update = new Update().addToSet("strayCaOrderIds", caOrderId)
			.set("straysSince", now)
			.set("updatedAt", now);
		return mongo.findAndModify(query, update, RETURN_NEW, SubmissionRecord.class);
	}

	/**
	 * Settled records (no attempt in flight, none to come) that still have stray CA
	 * orders: only records with strays are read ({@code straysSince}, set only while
	 * there are strays, has a sparse index).
	 */
	Flux<SubmissionRecord> withStrays(int limit) {
		return mongo.find(withStraysQuery(limit), SubmissionRecord.class);
	}

	static Query withStraysQuery(int limit) {
		return Query
			.query(Criteria.where("straysSince")
				.exists(true)
				.and("state")
				.in(SubmissionState.SUBMITTED, SubmissionState.FAILED, SubmissionState.CANCELLED))
			.limit(limit);
	}

	/**
	 * A stray CA order dealt with (cancelled, or the one the record holds); the last one
	 * takes {@code straysSince} with it, so the record leaves the sweep's index.
	 */
	Mono<Boolean> dropStray(String orderId, String caOrderId, Instant now) {
		Update update = new Update().pull("strayCaOrderIds", caOrderId).set("updatedAt", now);
		Query noneLeft = Query.query(Criteria.where("_id").is(orderId).and("strayCaOrderIds.0").exists(false));
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(orderId)), update, SubmissionRecord.class)
			.flatMap(result -> mongo.updateFirst(noneLeft, new Update().unset("straysSince"), SubmissionRecord.class)
				.thenReturn(result.getModifiedCount() > 0));
	}

	/**
	 * Settled records whose CA is due to be searched again for late orders of their
	 * reference (served by the sparse index of {@code referenceCheckAt}).
	 */
	Flux<SubmissionRecord> dueReferenceChecks(Instant now, int limit) {
		return mongo.find(dueReferenceChecksQuery(now, limit), SubmissionRecord.class);
	}

	static Query dueReferenceChecksQuery(Instant now, int limit) {
		return Query
			.query(Criteria.where("referenceCheckAt")
				.lte(now)
				.and("state")
				.in(SubmissionState.SUBMITTED, SubmissionState.FAILED, SubmissionState.CANCELLED))
			.limit(limit);
	}

	/**
	 * The search of {@code checked} is done: the CA orders it found other than the one
	 * the record holds are kept as strays (cancelled by the sweep), in the same update.
	 * False when a newer check was asked for meanwhile (that one stays due).
	 */
	Mono<Boolean> referenceChecked(SubmissionRecord checked, List<String> strays, Instant now) {
		Query query = Query
			.query(Criteria.where("_id").is(checked.orderId()).and("referenceCheckAt").is(checked.referenceCheckAt()));
		Update update = new Update().unset("referenceCheckAt").set("updatedAt", now);
		if (!strays.isEmpty()) {
			update.addToSet("strayCaOrderIds").each(strays.toArray()).set("straysSince", now);
		}
		return mongo.updateFirst(query, update, SubmissionRecord.class).map(result -> result.getModifiedCount() > 0);
	}

	/** The CA could not be searched: again at {@code nextCheckAt}. */
	Mono<Boolean> postponeReferenceCheck(SubmissionRecord checked, Instant nextCheckAt, Instant now) {
		Query query = Query
			.query(Criteria.where("_id").is(checked.orderId()).and("referenceCheckAt").is(checked.referenceCheckAt()));
		Update update = new Update().set("referenceCheckAt", nextCheckAt).set("updatedAt", now);
		return mongo.updateFirst(query, update, SubmissionRecord.class).map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * OrderCancelled of an order the CA never got (waiting for payment, or refused by the
	 * CA): cancelled at once, with its confirmation in the same update. Empty when the
	 * record is elsewhere or the event was applied.
	 */
	Mono<SubmissionRecord> cancelUnplaced(String orderId, String eventId, OutboxEntry confirmation, Instant now) {
		Query query = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.in(SubmissionState.AWAITING_PAYMENT, SubmissionState.FAILED)
			.and("appliedEventIds")
			.ne(eventId));
		Update update = new Update().set("state", SubmissionState.CANCELLED)
			.set("updatedAt", now)
			.unset("nextAttemptAt")
			.push("appliedEventIds", eventId)
			.push("outbox", confirmation);
		return mongo.findAndModify(query, update, RETURN_NEW, SubmissionRecord.class)
			.doOnNext(cancelled -> outboxes.filled(SubmissionRecord.COLLECTION, orderId));
	}

	/**
	 * OrderCancelled of an order whose submission is in flight: CANCELLING, but nobody
	 * may decide whether the CA has it before the attempt ends (it notes its outcome and
	 * makes the record due) or its claim runs out ({@code dueAt}).
	 */
	Mono<SubmissionRecord> cancelInFlight(String orderId, String eventId, Instant now, Instant dueAt) {
		return cancelFrom(orderId, eventId, now, dueAt, List.of(SubmissionState.SUBMITTING),
				SubmissionState.CANCELLING);
	}

	/**
	 * OrderCancelled of an order that is or may be at the CA: CANCELLING, leased to the
	 * caller until {@code leaseUntil} (the sweep takes it over after that).
	 */
	Mono<SubmissionRecord> cancelAtCa(String orderId, String eventId, Instant now, Instant leaseUntil) {
		return cancelFrom(orderId, eventId, now, leaseUntil,
				List.of(SubmissionState.RETRYING, SubmissionState.SUBMITTED), SubmissionState.CANCELLING);
	}

	private Mono<SubmissionRecord> cancelFrom(String orderId, String eventId, Instant now, Instant nextAttemptAt,
			List<SubmissionState> from, SubmissionState to) {
		Query query = Query
			.query(Criteria.where("_id").is(orderId).and("state").in(from).and("appliedEventIds").ne(eventId));
		Update update = new Update().set("state", to)
			.set("updatedAt", now)
			.set("nextAttemptAt", nextAttemptAt)
			.push("appliedEventIds", eventId);
		return mongo.findAndModify(query, update, RETURN_NEW, SubmissionRecord.class);
	}

	/**
	 * An attempt that got no CA order ended after its record was cancelled: the record is
	 * due now, so the sweep settles the cancellation without waiting for the claim to run
	 * out.
	 */
	Mono<Boolean> attemptEndedWhileCancelling(String orderId, Instant now) {
		Query query = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(SubmissionState.CANCELLING)
			.and("caOrderId")
			.is(null));
		Update update = new Update().set("nextAttemptAt", now).set("updatedAt", now);
		return mongo.updateFirst(query, update, SubmissionRecord.class).map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * An attempt got a CA order for a record being cancelled that holds no CA order yet:
	 * remember the CA's id and cancel it there now. False when the record holds another
	 * CA order already or is settled: the caller keeps this one as a stray instead, so no
	 * CA order id is ever overwritten.
	 */
	Mono<Boolean> noteCaOrderOfCancelled(String orderId, String caOrderId, Instant now) {
		Query query = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(SubmissionState.CANCELLING)
			.and("caOrderId")
			.is(null));
		Update update = new Update().set("caOrderId", caOrderId).set("nextAttemptAt", now).set("updatedAt", now);
		return mongo.updateFirst(query, update, SubmissionRecord.class).map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * Takes a due CANCELLING record for a while (a lease), so one sweep at a time works
	 * on it.
	 */
	Mono<SubmissionRecord> claimDueCancellation(Instant now, Instant leaseUntil) {
		Query query = Query.query(Criteria.where("state").is(SubmissionState.CANCELLING).and("nextAttemptAt").lte(now));
		Update update = new Update().set("nextAttemptAt", leaseUntil).set("updatedAt", now).inc("cancelAttempts", 1);
		return mongo.findAndModify(query, update, RETURN_NEW, SubmissionRecord.class);
	}

	/**
	 * The order is cancelled, at the CA too where it had one ({@code caOrderId}); the
	 * confirmation enters the outbox in the same update.
	 */
	Mono<Boolean> recordCancelled(String orderId, String caOrderId, String note, OutboxEntry confirmation,
			Instant now) {
		return recordCancelled(orderId, caOrderId, note, confirmation, now, null);
	}

	/**
	 * The same, and (non-null {@code referenceCheckAt}) when to search the CA once more
	 * for an order of this reference made late, to be cancelled there.
	 */
	Mono<Boolean> recordCancelled(String orderId, String caOrderId, String note, OutboxEntry confirmation, Instant now,
			Instant referenceCheckAt) {
		Query query = Query.query(Criteria.where("_id").is(orderId).and("state").is(SubmissionState.CANCELLING));
		Update update = new Update().set("state", SubmissionState.CANCELLED)
			.set("updatedAt", now)
			.unset("nextAttemptAt")
			.push("outbox", confirmation);
		if (caOrderId != null) {
			update.set("caOrderId", caOrderId);
		}
		if (note != null) {
			update.set("lastError", note);
		}
		checkReferenceAt(update, referenceCheckAt);
		return mongo.updateFirst(query, update, SubmissionRecord.class)
			.map(result -> result.getModifiedCount() > 0)
			.doOnNext(written -> outboxes.filled(written, SubmissionRecord.COLLECTION, orderId));
	}

	/**
	 * The CA did not cancel its order {@code caOrderId} (refused, or issued already): the
	 * record is SUBMITTED again, so the order is followed on, and {@code events} (the
	 * refusal, and the submission when it was not announced before) enter the outbox in
	 * the same update.
	 */
	Mono<Boolean> recordCancellationRefused(String orderId, String caOrderId, String reason, List<OutboxEntry> events,
			Instant now) {
		Query query = Query.query(Criteria.where("_id").is(orderId).and("state").is(SubmissionState.CANCELLING));
		Update update = new Update().set("state", SubmissionState.SUBMITTED)
			.set("caOrderId", caOrderId)
			.set("lastError", reason)
			.set("updatedAt", now)
			.unset("nextAttemptAt")
			.push("outbox")
			.each(events.toArray());
		return mongo.updateFirst(query, update, SubmissionRecord.class)
			.map(result -> result.getModifiedCount() > 0)
			.doOnNext(written -> outboxes.filled(written, SubmissionRecord.COLLECTION, orderId));
	}

	Mono<Boolean> postponeCancellation(String orderId, String reason, Instant nextAttemptAt, Instant now) {
		Query query = Query.query(Criteria.where("_id").is(orderId).and("state").is(SubmissionState.CANCELLING));
		Update update = new Update().set("nextAttemptAt", nextAttemptAt).set("lastError", reason).set("updatedAt", now);
		return mongo.updateFirst(query, update, SubmissionRecord.class).map(result -> result.getModifiedCount() > 0);
	}

}
