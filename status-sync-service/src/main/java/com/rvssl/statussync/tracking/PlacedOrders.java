package com.rvssl.statussync.tracking;

import com.rvssl.contracts.Validation;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * What an order's {@code OrderPlaced} said that status sync needs later: its validation
 * level (for the pace of its checks once submitted), its common name (for its renewal
 * reminders) and its term in months (for the plan its certificates cover). Kept apart
 * from the tracked orders, by order id: an order is tracked only once submitted.
 */
@Repository
public class PlacedOrders {

	static final String COLLECTION = "order_validations";

	private final ReactiveMongoTemplate mongo;

	public PlacedOrders(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Remembers from an order's OrderPlaced its validation level, its common name and its
	 * term.
	 */
	public Mono<Void> rememberOrder(String orderId, Validation validation, String commonName, int termMonths) {
		Query byId = Query.query(Criteria.where("_id").is(orderId));
		return mongo
			.upsert(byId,
					new Update().set("validation", validation == null ? null : validation.name())
						.set("commonName", commonName)
						.set("termMonths", termMonths),
					COLLECTION)
			.then();
	}

	/** The common name OrderPlaced announced, if it was seen. */
	public Mono<String> commonNameOf(String orderId) {
		return mongo.findById(orderId, Document.class, COLLECTION)
			.mapNotNull(document -> document.getString("commonName"));
	}

	/**
	 * What OrderPlaced announced that tracking needs, in one read: the validation level
	 * (DV, the fast pace, when it was not seen) and the term in months (null when it was
	 * not seen or said none).
	 */
	public Mono<PlacedTerms> termsOf(String orderId) {
		return mongo.findById(orderId, Document.class, COLLECTION)
			.map(document -> new PlacedTerms((document.getString("validation") != null)
					? Validation.valueOf(document.getString("validation")) : Validation.DV,
					positive(document.getInteger("termMonths"))))
			.defaultIfEmpty(new PlacedTerms(Validation.DV, null));
	}

	private static Integer positive(Integer months) {
		return (months != null && months > 0) ? months : null;
	}

	/** The validation level and term of an order, as OrderPlaced announced them. */
	public record PlacedTerms(Validation validation, Integer termMonths) {
	}

}
