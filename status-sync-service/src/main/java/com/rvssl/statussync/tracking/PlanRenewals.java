package com.rvssl.statussync.tracking;

import java.time.Instant;

import com.rvssl.contracts.events.CertificateRenewalDue;
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
 * The issued certificates of plans that go on, at their reissue point: on the
 * {@code reissue_due} index (state, reissueDueAt). {@code reissueDueAt} is set only while
 * a certificate's successor is still to be announced, so the sweep reads the certificates
 * due now, never the orders whose plan is over or already announced.
 */
@Repository
public class PlanRenewals {

	/** The serial whose {@code CertificateRenewalDue} was queued. */
	static final String RENEWAL_DUE_FOR = "renewalDueFor";

	private final ReactiveMongoTemplate mongo;

	private final OutboxWakeUp outboxes;

	public PlanRenewals(ReactiveMongoTemplate mongo, OutboxWakeUp outboxes) {
		this.mongo = mongo;
		this.outboxes = outboxes;
	}

	/**
	 * Issued certificates whose reissue point is at or before {@code now}, oldest first.
	 */
	public Flux<TrackedOrder> pastReissuePoint(Instant now, int limit) {
		Query query = Query.query(Criteria.where("state").is(TrackingState.DONE).and("reissueDueAt").lte(now))
			.with(Sort.by("reissueDueAt"))
			.limit(limit);
		return mongo.find(query, TrackedOrder.class);
	}

	/**
	 * Per reseller, the certificates whose reissue point comes before {@code until} (or
	 * passed, not announced yet): the renewals coming up, on the {@code reissue_due}
	 * index.
	 */
	public Flux<ResellerCount> countUpcoming(Instant until) {
		return countByReseller(Criteria.where("state").is(TrackingState.DONE).and("reissueDueAt").lte(until));
	}

	/**
	 * Per reseller, the reissues of issued orders the CA is working on: outstanding
	 * orders (the {@code due_checks} index's prefix, bounded by the open orders, not by
	 * history) that already hold a certificate.
	 */
	public Flux<ResellerCount> countUnderway() {
		return countByReseller(Criteria.where("state").is(TrackingState.OUTSTANDING).and("issuedSerial").ne(null));
	}

	/**
	 * A certificate whose plan ended before its reissue point was reached (the service
	 * was down, or a clock jumped): nothing to reissue, so its point is dropped and it
	 * counts as its plan's last certificate.
	 * @return whether this call retired it
	 */
	public Mono<Boolean> retire(TrackedOrder order) {
		Query stillDue = Query.query(
				Criteria.where("_id").is(order.id()).and("state").is(TrackingState.DONE).and("reissueDueAt").ne(null));
		Update retire = new Update().unset("reissueDueAt").set(IssuedCertificates.PLAN_GOES_ON, false);
		return mongo.updateFirst(stillDue, retire, TrackedOrder.class).map(result -> result.getModifiedCount() > 0);
	}

	private Flux<ResellerCount> countByReseller(Criteria criteria) {
		Aggregation count = Aggregation.newAggregation(Aggregation.match(criteria),
				Aggregation.group("resellerId").count().as("count"));
		return mongo.aggregate(count, TrackedOrder.COLLECTION, Document.class).map(ResellerCount::of);
	}

	/**
	 * Queues the {@code CertificateRenewalDue} of the order's current certificate and
	 * records it in one update, which also unsets the reissue point. Refused when it was
	 * recorded already (another sweep or replica was first), the certificate changed
	 * meanwhile or a reissue is under way: one announcement per certificate serial.
	 * @return whether this call queued it
	 */
	public Mono<Boolean> announce(TrackedOrder order, CertificateRenewalDue event) {
		Query notYet = Query.query(Criteria.where("_id")
			.is(order.id())
			.and("state")
			.is(TrackingState.DONE)
			.and("issuedSerial")
			.is(event.serialNumber())
			.and("reissueDueAt")
			.ne(null)
			.and(RENEWAL_DUE_FOR)
			.ne(event.serialNumber()));
		Update update = new Update().push("outbox")
			.each(TrackedOrderOutbox.entry(order, event))
			.set(RENEWAL_DUE_FOR, event.serialNumber())
			.unset("reissueDueAt");
		return mongo.updateFirst(notYet, update, TrackedOrder.class)
			.map(result -> result.getModifiedCount() > 0)
			.doOnNext(written -> {
				if (written) {
					outboxes.filled(TrackedOrder.COLLECTION, order.id());
				}
			});
	}

}
