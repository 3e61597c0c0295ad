package com.rvssl.notify.messaging;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The validation instruction each order's customer was last emailed, so that an update
 * asking the same again (the CA's word changed, the instruction did not) sends no second
 * email. The event that set it is kept too: a redelivered event counts as news again, and
 * the delivery log (keyed by event) then makes sure it is still sent at most once.
 */
@Component
class LastInstructions {

	static final String COLLECTION = "validation_instructions";

	private final ReactiveMongoTemplate mongo;

	LastInstructions(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Forgets what the order's customer was last asked: a reissue starts a new
	 * validation, whose instructions are news even when they equal the first ones.
	 */
	Mono<Void> forget(String orderId) {
		return mongo.remove(Query.query(Criteria.where("_id").is(orderId)), COLLECTION).then();
	}

	/**
	 * Remembers {@code instruction} for the order; whether it differs from the one last
	 * sent.
	 */
	Mono<Boolean> isNews(String orderId, String eventId, String instruction) {
		Document first = new Document("_id", orderId).append("instruction", instruction).append("eventId", eventId);
		Query changedOrSameEvent = Query.query(Criteria.where("_id")
			.is(orderId)
			.orOperator(Criteria.where("instruction").ne(instruction), Criteria.where("eventId").is(eventId)));
		Update remember = new Update().set("instruction", instruction).set("eventId", eventId);
		return mongo.insert(first, COLLECTION)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class,
					known -> mongo.updateFirst(changedOrSameEvent, remember, COLLECTION)
						.map(result -> result.getMatchedCount() > 0));
	}

}
