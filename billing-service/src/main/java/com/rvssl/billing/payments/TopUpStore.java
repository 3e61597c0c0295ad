package com.rvssl.billing.payments;

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
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads and writes top-ups. Every change of state is one conditional update on the state
 * it leaves, so two callbacks, a callback and the sweep, or two requests with one key
 * cannot both win. Each query pins {@code _id} or is served by an index {@link TopUp}
 * declares.
 */
@Component
class TopUpStore {

	private final ReactiveMongoTemplate mongo;

	TopUpStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Inserts a new top-up; when another one holds the same reseller and key (the unique
	 * index), that one instead, with {@code created} false.
	 */
	Mono<Stored> insertOrFind(TopUp topUp) {
		return mongo.insert(topUp)
			.map((saved) -> new Stored(saved, true))
			.onErrorResume(DuplicateKeyException.class,
					(ex) -> byKey(topUp.resellerId(), topUp.idempotencyKey()).map((first) -> new Stored(first, false)))
			.onErrorResume(com.mongodb.DuplicateKeyException.class,
					(ex) -> byKey(topUp.resellerId(), topUp.idempotencyKey()).map((first) -> new Stored(first, false)));
	}

	Mono<TopUp> find(String id) {
		return mongo.findById(id, TopUp.class);
	}

	private Mono<TopUp> byKey(String resellerId, String storedKey) {
		return mongo.findOne(Query.query(where("resellerId").is(resellerId).and("idempotencyKey").is(storedKey)),
				TopUp.class);
	}

	/** Newest first. */
	Flux<TopUp> latestOf(String resellerId, int count) {
		return mongo.find(Query.query(where("resellerId").is(resellerId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(count), TopUp.class);
	}

	/**
	 * Notes the provider's answer (payment and page) on a top-up that has no page yet;
	 * the top-up as it is afterwards either way. The payment may be noted already, by a
	 * callback that came first: it is the same payment (the provider is idempotent by the
	 * top-up's id).
	 */
	Mono<TopUp> attachPayment(String id, String paymentId, String paymentUrl) {
		return mongo
			.findAndModify(Query.query(where("_id").is(id).and("paymentUrl").exists(false)),
					new Update().set("paymentId", paymentId).set("paymentUrl", paymentUrl),
					FindAndModifyOptions.options().returnNew(true), TopUp.class)
			.switchIfEmpty(Mono.defer(() -> find(id)));
	}

	/**
	 * Notes the payment a callback names on a top-up that has none yet (the callback came
	 * before the provider's answer to billing); the top-up afterwards either way.
	 */
	Mono<TopUp> notePayment(String id, String paymentId) {
		return mongo.findAndModify(Query.query(where("_id").is(id).and("paymentId").exists(false)),
				new Update().set("paymentId", paymentId), FindAndModifyOptions.options().returnNew(true), TopUp.class)
			.switchIfEmpty(Mono.defer(() -> find(id)));
	}

	/**
	 * Moves a top-up from one of {@code from} to {@code to}; empty if it was in none of
	 * them.
	 */
	Mono<TopUp> move(String id, TopUpState to, Instant paidAt, TopUpState... from) {
		Update update = new Update().set("state", to);
		if (paidAt != null) {
			update.set("paidAt", paidAt);
		}
		return mongo.findAndModify(Query.query(where("_id").is(id).and("state").in((Object[]) from)), update,
				FindAndModifyOptions.options().returnNew(true), TopUp.class);
	}

	/** Pending payments created before {@code cutoff}, oldest first (the state index). */
	Flux<TopUp> pendingCreatedBefore(Instant cutoff, int count) {
		return mongo
			.find(Query.query(Criteria.where("state").is(TopUpState.PENDING_PAYMENT).and("createdAt").lt(cutoff))
				.with(Sort.by(Sort.Direction.ASC, "createdAt"))
				.limit(count), TopUp.class);
	}

	/** Confirmed top-ups whose credit is not written yet (the state index). */
	Flux<TopUp> crediting(int count) {
		return mongo.find(Query.query(Criteria.where("state").is(TopUpState.CREDITING)).limit(count), TopUp.class);
	}

	/** A top-up and whether this call created it. */
	record Stored(TopUp topUp, boolean created) {
	}

}
