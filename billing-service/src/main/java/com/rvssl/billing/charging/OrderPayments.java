package com.rvssl.billing.charging;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The order payment records; their states only move forward (PAID to REFUNDED), an
 * issuance is noted once, writes are idempotent.
 */
@Component
class OrderPayments {

	private final ReactiveMongoTemplate mongo;

	OrderPayments(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<OrderPayment> find(String orderId) {
		return mongo.findById(orderId, OrderPayment.class);
	}

	/**
	 * First record of an order (PAID or CANCELLED); a record already there was written by
	 * the same movement.
	 */
	Mono<Void> record(OrderPayment payment) {
		return mongo.insert(payment)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.onErrorResume(com.mongodb.DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	/**
	 * Notes that a charged order's certificate was issued; the first time counts, a
	 * repeat changes nothing.
	 * @return whether this call noted it: false when it was noted before, or the order
	 * has no PAID record (not charged yet, never, or refunded)
	 */
	Mono<Boolean> issued(String orderId, Instant at) {
		return mongo
			.updateFirst(
					Query.query(where("_id").is(orderId).and("state").is(PaymentState.PAID).and("issuedAt").is(null)),
					new Update().set("issuedAt", at), OrderPayment.class)
			.map((result) -> result.getModifiedCount() > 0);
	}

	Mono<Void> refunded(String orderId, Instant at) {
		return mongo
			.updateFirst(Query.query(where("_id").is(orderId).and("state").is(PaymentState.PAID)),
					new Update().set("state", PaymentState.REFUNDED).set("updatedAt", at), OrderPayment.class)
			.then();
	}

}
