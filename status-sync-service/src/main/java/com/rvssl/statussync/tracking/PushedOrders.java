package com.rvssl.statussync.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.rvssl.contracts.CertificateAuthority;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The orders a CA pushed news about. A push only makes an order due: the check itself is
 * the poller's, under its lease, so a push never runs a check beside another one of the
 * same order. {@code pushedAt} remembers the push for an order whose check is running, so
 * that the poller looks once more right after that check. A push can also outrun the
 * order's {@code CertificateSubmitted} (a CA that issues at once pushes before status
 * sync tracks the order): it is kept in {@value #EARLY} by {@code _id} (CA and CA order
 * id) until tracking starts, which then checks at once; a day-long TTL index forgets the
 * pushes of orders never tracked here.
 */
@Repository
public class PushedOrders {

	/**
	 * Set by a push saying the certificate was issued, until the next check records its
	 * answer: that check asks for the certificate first
	 * ({@link TrackedOrder#pushedIssued}).
	 */
	public static final String PUSHED_ISSUED = "pushedIssued";

	/** Pushes that came before their order was tracked. */
	static final String EARLY = "early_pushes";

	private final ReactiveMongoTemplate mongo;

	public PushedOrders(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A CA pushed news about one of its orders: check it now, whatever the schedule says
	 * (the push is the CA's own word that something changed, so the minimum interval does
	 * not apply). An order whose check is running is left to it, never checked a second
	 * time alongside; its {@code pushedAt} makes the poller look once more right after
	 * that check (see {@link #recheckIfPushedSince}).
	 * @return whether the CA order is one of ours still outstanding
	 */
	public Mono<Boolean> pushed(CertificateAuthority ca, String caOrderId, boolean saysIssued, Instant now) {
		Criteria outstanding = Criteria.where("ca")
			.is(ca)
			.and("caOrderId")
			.is(caOrderId)
			.and("state")
			.is(TrackingState.OUTSTANDING);
		Query idle = Query.query(Criteria.where("ca")
			.is(ca)
			.and("caOrderId")
			.is(caOrderId)
			.and("state")
			.is(TrackingState.OUTSTANDING)
			.and("leaseId")
			.is(null));
		// usually no check is running: noted and made due in one write
		return mongo.updateFirst(idle, noted(saysIssued, now).set("nextCheckAt", now), TrackedOrder.class)
			.flatMap(result -> (result.getMatchedCount() > 0) ? Mono.just(true)
					: notedWhileChecked(Query.query(outstanding), idle, saysIssued, now));
	}

	// Noted first, made due second: a check that ends between the two either sees the
	// note when it is written (recheckIfPushedSince) or leaves the order idle for the
	// second write.
	private Mono<Boolean> notedWhileChecked(Query outstanding, Query idle, boolean saysIssued, Instant now) {
		return mongo.updateFirst(outstanding, noted(saysIssued, now), TrackedOrder.class)
			.flatMap(result -> (result.getMatchedCount() == 0) ? Mono.just(false)
					: mongo.updateFirst(idle, new Update().set("nextCheckAt", now), TrackedOrder.class)
						.thenReturn(true));
	}

	private static Update noted(boolean saysIssued, Instant now) {
		Update noted = new Update().set("pushedAt", now);
		if (saysIssued) {
			noted.set(PUSHED_ISSUED, true);
		}
		return noted;
	}

	/**
	 * A push for a CA order not tracked (yet): kept for when its tracking starts. If the
	 * order became tracked meanwhile, it is made due now and the push forgotten.
	 * @return whether the CA order is one of ours still outstanding after all
	 */
	public Mono<Boolean> pushedBeforeTracking(CertificateAuthority ca, String caOrderId, boolean saysIssued,
			Instant now) {
		Query key = byKey(ca, caOrderId);
		return mongo.upsert(key, new Update().set("pushedAt", now).set(PUSHED_ISSUED, saysIssued), EARLY)
			// tracking may have started between the first look and the write above
			.then(pushed(ca, caOrderId, saysIssued, now))
			.flatMap(known -> known ? mongo.remove(key, EARLY).thenReturn(true) : Mono.just(false));
	}

	/**
	 * Tracking of a CA order just started: if the CA pushed news about it before, it is
	 * checked now instead of at its scheduled first check.
	 * @return whether an early push was waiting
	 */
	public Mono<Boolean> trackingStarted(CertificateAuthority ca, String caOrderId, Instant now) {
		return mongo.findAndRemove(byKey(ca, caOrderId), org.bson.Document.class, EARLY)
			.flatMap(early -> pushed(ca, caOrderId, Boolean.TRUE.equals(early.getBoolean(PUSHED_ISSUED)), now)
				.thenReturn(true))
			.defaultIfEmpty(false);
	}

	private static Query byKey(CertificateAuthority ca, String caOrderId) {
		return Query.query(Criteria.where("_id").is(ca.name() + ":" + caOrderId));
	}

	/**
	 * After a check claimed at {@code claimedAt} was written: if a push came in since,
	 * the check may have asked the CA just before the change, so the order is due again
	 * at once. MongoDB keeps milliseconds, so only a push in a later millisecond than the
	 * claim counts: the push that made the order due is stored in the claim's own
	 * millisecond when the poll starts right after it, and must not cause a second check
	 * (one within that millisecond after the claim is left to the schedule).
	 */
	public Mono<Boolean> recheckIfPushedSince(String orderId, Instant claimedAt, Instant now) {
		Query pushedMeanwhile = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(TrackingState.OUTSTANDING)
			.and("leaseId")
			.is(null)
			.and("pushedAt")
			.gt(claimedAt.truncatedTo(ChronoUnit.MILLIS)));
		return mongo.updateFirst(pushedMeanwhile, new Update().set("nextCheckAt", now), TrackedOrder.class)
			.map(result -> result.getModifiedCount() > 0);
	}

}
