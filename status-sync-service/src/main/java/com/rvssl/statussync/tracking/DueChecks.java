package com.rvssl.statussync.tracking;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The outstanding orders whose next check is due, and the claim that hands them to one
 * poller: a claimed order's next check moves to the end of the lease, so no other
 * instance sees it due until then, and only that lease may write the check's result (see
 * {@link TrackedOrders#record}). An order another instance claimed first is simply not in
 * the batch.
 */
@Repository
public class DueChecks {

	private final ReactiveMongoTemplate mongo;

	public DueChecks(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Claims up to {@code limit} due outstanding orders for {@code owner}, most overdue
	 * first, in three round trips whatever the limit: the ids of the most overdue (sorted
	 * by due time, ids only), one update of those still due that moves their next check
	 * to the end of the lease (so no other instance sees them due until then) under one
	 * lease id for this batch, and the documents that carry that lease id. The update
	 * repeats the claim condition for each document, so an order another instance claimed
	 * between the look-up and the update is simply not in this batch. The lease id is
	 * shared by the batch, but every later write names its order's {@code _id} as well,
	 * and a claim after an expired lease always brings a new one. Empty when nothing is
	 * due.
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

	/**
	 * The due time of the most overdue outstanding check, if any is due: how late the
	 * poller is.
	 */
	public Mono<Instant> oldestDue(Instant now) {
		Query query = due(now).with(Sort.by("nextCheckAt")).limit(1);
		query.fields().include("nextCheckAt");
		return mongo.findOne(query, Document.class, TrackedOrder.COLLECTION)
			.mapNotNull(document -> document.getDate("nextCheckAt"))
			.map(Date::toInstant);
	}

	private Flux<TrackedOrder> lease(List<Object> ids, Instant now, Instant leaseUntil, String owner) {
		String leaseId = UUID.randomUUID().toString();
		Query stillDue = Query.query(
				Criteria.where("_id").in(ids).and("state").is(TrackingState.OUTSTANDING).and("nextCheckAt").lte(now));
		Update lease = new Update().set("nextCheckAt", leaseUntil).set("leaseId", leaseId).set("leaseOwner", owner);
		Map<String, Integer> dueRank = new HashMap<>();
		ids.forEach(id -> dueRank.putIfAbsent(String.valueOf(id), dueRank.size()));
		return mongo.updateMulti(stillDue, lease, TrackedOrder.class)
			.filter(result -> result.getModifiedCount() > 0)
			// looked up by _id alone, which every server answers from its primary index
			// (the embedded one too); the lease id picks this batch's claims out of the
			// few documents returned
			.flatMapMany(leased -> mongo.find(Query.query(Criteria.where("_id").in(ids)), TrackedOrder.class))
			.filter(order -> leaseId.equals(order.leaseId()))
			.sort(Comparator.comparing((TrackedOrder order) -> dueRank.getOrDefault(order.id(), Integer.MAX_VALUE)));
	}

	/**
	 * Outstanding and due: the claim condition, on the {@code due_checks} index (state,
	 * nextCheckAt).
	 */
	private static Query due(Instant now) {
		return Query.query(Criteria.where("state").is(TrackingState.OUTSTANDING).and("nextCheckAt").lte(now));
	}

}
