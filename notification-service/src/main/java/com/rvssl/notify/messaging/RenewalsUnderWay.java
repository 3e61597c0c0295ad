package com.rvssl.notify.messaging;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The orders whose certificate the platform is renewing within their plan: from the
 * automatic {@code ReissueRequested} until the renewed certificate is issued, so that the
 * customer's emails meanwhile say why (the CA asking for validation again, the renewed
 * certificate). One document per order renewing now, by order id.
 */
@Component
class RenewalsUnderWay {

	static final String COLLECTION = "renewals_under_way";

	private final ReactiveMongoTemplate mongo;

	RenewalsUnderWay(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<Void> start(String orderId, Instant at) {
		return mongo.upsert(byId(orderId), new Update().set("since", at), COLLECTION).then();
	}

	Mono<Boolean> isUnderWay(String orderId) {
		return mongo.exists(byId(orderId), COLLECTION);
	}

	Mono<Void> finish(String orderId) {
		return mongo.remove(byId(orderId), COLLECTION).then();
	}

	private static Query byId(String orderId) {
		return Query.query(Criteria.where("_id").is(orderId));
	}

}
