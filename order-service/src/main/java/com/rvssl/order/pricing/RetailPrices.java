package com.rvssl.order.pricing;

import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

import com.rvssl.contracts.Money;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Each reseller's own retail prices, one document per product and term in their own
 * collection (keyed by reseller, so no reseller's call can reach another's prices). A
 * missing override means the recommended price.
 */
@Component
public class RetailPrices {

	private final ReactiveMongoTemplate mongo;

	public RetailPrices(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The reseller's overrides by {@link #key(String, int)}; empty for the operator (null
	 * reseller).
	 */
	public Mono<Map<String, Money>> of(String resellerId) {
		if (resellerId == null) {
			return Mono.just(Map.of());
		}
		return mongo.find(Query.query(Criteria.where("resellerId").is(resellerId)), RetailOverride.class)
			.collectMap((override) -> key(override.productCode(), override.termMonths()), RetailOverride::retail);
	}

	/**
	 * The override for one product and term; empty when the reseller charges the
	 * recommended price.
	 */
	public Mono<Money> retailFor(String resellerId, String productCode, int termMonths) {
		return mongo.findById(RetailOverride.idOf(resellerId, productCode, termMonths), RetailOverride.class)
			.map(RetailOverride::retail);
	}

	public Mono<RetailOverride> set(String resellerId, String productCode, int termMonths, Money retail) {
		return mongo.save(new RetailOverride(RetailOverride.idOf(resellerId, productCode, termMonths), resellerId,
				productCode, termMonths, retail, Instant.now()));
	}

	public Mono<Void> reset(String resellerId, String productCode, int termMonths) {
		return mongo
			.remove(Query.query(Criteria.where("_id").is(RetailOverride.idOf(resellerId, productCode, termMonths))),
					RetailOverride.class)
			.then();
	}

	public Mono<Void> resetAll(String resellerId) {
		return mongo.remove(Query.query(Criteria.where("resellerId").is(resellerId)), RetailOverride.class).then();
	}

	public static String key(String productCode, int termMonths) {
		return productCode + "|" + termMonths;
	}

}
