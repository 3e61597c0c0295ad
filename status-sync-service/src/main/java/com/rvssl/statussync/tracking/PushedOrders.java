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
 * that the poller looks once more right after that check.
 */
@Repository
public class PushedOrders {

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
	public Mono<Boolean> pushed(CertificateAuthority ca, String caOrderId, Instant now) {
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
		return mongo.updateFirst(Query.query(outstanding), new Update().set("pushedAt", now), TrackedOrder.class)
			.flatMap(result -> (result.getMatchedCount() == 0) ? Mono.just(false)
					: mongo.updateFirst(idle, new Update().set("nextCheckAt", now), TrackedOrder.class)
						.thenReturn(true));
	}

	/**
	 * After a check claimed at {@code claimedAt} was written: if a push came in since,
	 * the check may have asked the CA just before the change, so the order is due again
	 * at once. MongoDB keeps milliseconds, so only a push in a later millisecond than the
	 * claim counts: the push that made the order due is stored in the claim's own
	 * millisecond when the poll starts right after it, and must not cause a second check
	 * (one within that millisecond after the claim is left to the schedule).
	 */
	public Mono<Void> recheckIfPushedSince(String orderId, Instant claimedAt, Instant now) {
		Query pushedMeanwhile = Query.query(Criteria.where("_id")
			.is(orderId)
			.and("state")
			.is(TrackingState.OUTSTANDING)
			.and("leaseId")
			.is(null)
			.and("pushedAt")
			.gt(claimedAt.truncatedTo(ChronoUnit.MILLIS)));
		return mongo.updateFirst(pushedMeanwhile, new Update().set("nextCheckAt", now), TrackedOrder.class).then();
	}

}
