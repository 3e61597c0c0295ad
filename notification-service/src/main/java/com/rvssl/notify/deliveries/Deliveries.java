package com.rvssl.notify.deliveries;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The delivery log in MongoDB. Each step is one conditional update: an attempt only
 * writes its result to a delivery still RETRYING, and claiming a due retry moves its next
 * attempt time past the lease, so two instances never send the same delivery at once.
 */
@Repository
public class Deliveries {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	public Deliveries(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Logs a new delivery; empty when one with the same id (same event, channel,
	 * recipient) exists.
	 */
	Mono<Delivery> log(Delivery delivery) {
		return mongo.insert(delivery).onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
	}

	Mono<Delivery> sent(String id, Instant now) {
		Update update = new Update().set("status", DeliveryStatus.SENT)
			.set("sentAt", now)
			.inc("attempts", 1)
			.unset("nextAttemptAt")
			.unset("lastError");
		return mongo.findAndModify(retrying(id), update, RETURN_NEW, Delivery.class);
	}

	Mono<Delivery> failed(String id, String error, Instant nextAttemptAt) {
		Update update = new Update().inc("attempts", 1).set("lastError", error);
		if (nextAttemptAt == null) {
			update.set("status", DeliveryStatus.DEAD).unset("nextAttemptAt");
		}
		else {
			update.set("nextAttemptAt", nextAttemptAt);
		}
		return mongo.findAndModify(retrying(id), update, RETURN_NEW, Delivery.class);
	}

	Flux<Delivery> due(Instant now, int limit) {
		Query query = Query.query(Criteria.where("status").is(DeliveryStatus.RETRYING).and("nextAttemptAt").lte(now))
			.with(Sort.by("nextAttemptAt"))
			.limit(limit);
		return mongo.find(query, Delivery.class);
	}

	Mono<Delivery> claim(String id, Instant now, Instant leaseUntil) {
		Query due = Query.query(
				Criteria.where("_id").is(id).and("status").is(DeliveryStatus.RETRYING).and("nextAttemptAt").lte(now));
		return mongo.findAndModify(due, new Update().set("nextAttemptAt", leaseUntil), RETURN_NEW, Delivery.class);
	}

	/**
	 * Gives a dead delivery a fresh round of attempts, claimed by the caller until
	 * {@code leaseUntil}.
	 */
	Mono<Delivery> revive(String id, Instant leaseUntil) {
		Query dead = Query.query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.DEAD));
		Update update = new Update().set("status", DeliveryStatus.RETRYING)
			.set("attempts", 0)
			.set("nextAttemptAt", leaseUntil);
		return mongo.findAndModify(dead, update, RETURN_NEW, Delivery.class);
	}

	/**
	 * The log, oldest first; {@code null} filters are left out (resellerId null: every
	 * reseller's).
	 */
	public Flux<Delivery> find(String resellerId, String orderId, DeliveryChannel channel) {
		Criteria criteria = new Criteria();
		if (resellerId != null) {
			criteria = criteria.and("resellerId").is(resellerId);
		}
		if (orderId != null) {
			criteria = criteria.and("orderId").is(orderId);
		}
		if (channel != null) {
			criteria = criteria.and("channel").is(channel);
		}
		return mongo.find(Query.query(criteria).with(Sort.by("at", "_id")), Delivery.class);
	}

	public Mono<Delivery> byId(String id) {
		return mongo.findById(id, Delivery.class);
	}

	private static Query retrying(String id) {
		return Query.query(Criteria.where("_id").is(id).and("status").is(DeliveryStatus.RETRYING));
	}

}
