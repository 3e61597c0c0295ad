package com.rvssl.statussync.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.kit.outbox.OutboxWakeUp;
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
 * The tracked orders in MongoDB: following an order from its submission, stopping, the
 * customer's nudges and the outcome of each check. Every change of an order is one
 * conditional update of its document, so it is atomic with the events it causes (pushed
 * to the same document's outbox, see {@link TrackedOrderOutbox}), and its filter says
 * which state it may apply to: a stopped or finished order is never moved again, and a
 * check whose lease was lost cannot write its result. The claims of due checks are
 * {@link DueChecks}', the CAs' pushes {@link PushedOrders}', the renewal reminders
 * {@link IssuedCertificates}' and what OrderPlaced said {@link PlacedOrders}'.
 */
@Repository
public class TrackedOrders {

	private final ReactiveMongoTemplate mongo;

	private final OutboxWakeUp outboxes;

	private final ReissuePoint reissuePoint;

	public TrackedOrders(ReactiveMongoTemplate mongo, OutboxWakeUp outboxes, ReissuePoint reissuePoint) {
		this.mongo = mongo;
		this.outboxes = outboxes;
		this.reissuePoint = reissuePoint;
	}

	/**
	 * Starts following an order. The order id is the document id, so a redelivered
	 * submission (or one arriving after the order was stopped) changes nothing.
	 * @param termMonths the paid term OrderPlaced announced, null when it was not seen
	 * (the order's first certificate is then taken as its last)
	 * @return whether the order is newly tracked
	 */
	public Mono<Boolean> track(EventEnvelope envelope, CertificateSubmitted submitted, Validation validation,
			Integer termMonths, Instant firstCheck) {
		TrackedOrder order = new TrackedOrder(envelope.orderId(), envelope.resellerId(), envelope.correlationId(),
				submitted.ca(), submitted.caOrderId(), TrackingState.OUTSTANDING, null, null, null,
				envelope.occurredAt(), firstCheck, 0, 0, null, null, null, List.of(),
				List.of(envelope.eventId().toString()), validation, envelope.occurredAt(), null, null, null, null,
				List.of(), termMonths, null, null);
		return mongo.insert(order)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
	}

	/**
	 * Stops following an order: no more checks. When the order is not tracked yet
	 * (cancelled while the gateway was still submitting) a stopped placeholder is kept,
	 * so a late submission is not followed either. An issued order's plan ends with its
	 * cancellation: no reissue point is left for it.
	 * @return whether anything changed
	 */
	public Mono<Boolean> stop(EventEnvelope envelope, Instant now) {
		Query issued = Query.query(Criteria.where("_id").is(envelope.orderId()).and("state").is(TrackingState.DONE));
		Update planEnds = new Update().unset("reissueDueAt").set(IssuedCertificates.PLAN_GOES_ON, false);
		return mongo.updateFirst(issued, planEnds, TrackedOrder.class).then(stopOutstanding(envelope, now));
	}

	private Mono<Boolean> stopOutstanding(EventEnvelope envelope, Instant now) {
		String eventId = envelope.eventId().toString();
		Query outstanding = Query.query(Criteria.where("_id")
			.is(envelope.orderId())
			.and("state")
			.is(TrackingState.OUTSTANDING)
			.and("appliedEventIds")
			.ne(eventId));
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
	 * A DCV resend or a reissue: the customer is acting now, so the pace starts again
	 * and, unless a check is running (its result will use the new pace), the next check
	 * comes soon.
	 */
	public Mono<Void> nudge(String orderId, Instant now, Instant soon) {
		Query outstanding = Query.query(Criteria.where("_id").is(orderId).and("state").is(TrackingState.OUTSTANDING));
		Query idleAndLater = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(TrackingState.OUTSTANDING)
			.and("leaseId")
			.is(null)
			.and("nextCheckAt")
			.gt(soon));
		return mongo.updateFirst(outstanding, new Update().set("paceFrom", now), TrackedOrder.class)
			.then(mongo.updateFirst(idleAndLater, new Update().set("nextCheckAt", soon), TrackedOrder.class))
			.then();
	}

	/**
	 * A reissue of an issued order: follow it again until the CA serves a certificate
	 * with a new serial. Orders not issued yet are only nudged.
	 */
	public Mono<Boolean> reopenForReissue(String orderId, Instant now, Instant soon) {
		Query issued = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(TrackingState.DONE)
			.and("lastStatus")
			.is(CaOrderStatus.ISSUED));
		Update reopen = new Update().set("state", TrackingState.OUTSTANDING)
			.set("nextCheckAt", soon)
			.set("paceFrom", now)
			.unset("finishedAt");
		return mongo.updateFirst(issued, reopen, TrackedOrder.class).map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * Writes what a check claimed at {@code claimedAt} found, the events it causes and
	 * the next check time in one update; refused when the order was stopped meanwhile or
	 * the lease went to someone else. The write first names the usual case, no CA push
	 * since the claim; only when that does not match (a push came, or the write is
	 * refused) is it tried without that condition, which tells the two apart.
	 */
	public Mono<RecordedCheck> record(TrackedOrder claimed, String leaseId, Instant claimedAt, Observation observation,
			Instant nextCheckAt, Instant now) {
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
			.unset(PushedOrders.PUSHED_ISSUED)
			.inc("checks", 1);
		observation.events()
			.stream()
			.filter(CertificateIssued.class::isInstance)
			.map(CertificateIssued.class::cast)
			.findFirst()
			// a new certificate (first issue or a reissue) starts its own reminders
			.ifPresent(issued -> {
				update.set("notAfter", issued.notAfter())
					.set("issuedSerial", issued.serialNumber())
					.unset(IssuedCertificates.REMINDERS_SENT)
					.unset(IssuedCertificates.EXPIRY_WARNED);
				planNext(claimed, issued, update);
			});
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
		Query leased = leased(claimed.id(), leaseId);
		// MongoDB keeps milliseconds: a push in the claim's own millisecond is the one
		// that made the order due, not news the check may have missed
		Query noPushSinceTheClaim = leased(claimed.id(), leaseId)
			.addCriteria(Criteria.where("pushedAt").not().gt(claimedAt.truncatedTo(ChronoUnit.MILLIS)));
		return written(noPushSinceTheClaim, update)
			.flatMap(quiet -> quiet ? Mono.just(RecordedCheck.QUIET)
					: written(leased, update)
						.map(pushed -> pushed ? RecordedCheck.PUSHED_MEANWHILE : RecordedCheck.REFUSED))
			.doOnNext(recorded -> {
				if (recorded.written() && !entries.isEmpty()) {
					outboxes.filled(TrackedOrder.COLLECTION, claimed.id());
				}
			});
	}

	private Mono<Boolean> written(Query query, Update update) {
		return mongo.updateFirst(query, update, TrackedOrder.class).map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * The plan of a newly issued certificate: fixed at the first issuance, and while it
	 * needs another certificate after this one, the reissue point at which the sweep
	 * announces {@code CertificateRenewalDue} ({@link PlanRenewals}).
	 */
	private void planNext(TrackedOrder claimed, CertificateIssued issued, Update update) {
		Optional<PlanTerm> plan = claimed.plan(issued.notBefore());
		plan.ifPresent(term -> update.set("planEnd", term.end()));
		boolean goesOn = plan.map(term -> term.needsAnotherCertificateAfter(issued.notAfter())).orElse(false);
		update.set(IssuedCertificates.PLAN_GOES_ON, goesOn);
		if (goesOn) {
			update.set("reissueDueAt", reissuePoint.of(issued.notBefore(), issued.notAfter()));
		}
		else {
			update.unset("reissueDueAt");
		}
	}

	/**
	 * The CA's budget had no permit for the read: look again when the gateway says a
	 * permit is free. No failure: the gateway did its job, and a backlog of submissions
	 * must not push the order's checks out by a growing backoff.
	 */
	public Mono<Boolean> recordOverBudget(String orderId, String leaseId, Instant nextCheckAt) {
		Update update = new Update().set("nextCheckAt", nextCheckAt).unset("leaseId").unset("leaseOwner");
		return mongo.updateFirst(leased(orderId, leaseId), update, TrackedOrder.class)
			.map(result -> result.getModifiedCount() > 0);
	}

	/**
	 * The gateway could not answer: count the failure and look again later. The order is
	 * never dropped.
	 */
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

	private static Query leased(String orderId, String leaseId) {
		return Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(TrackingState.OUTSTANDING)
			.and("leaseId")
			.is(leaseId));
	}

}
