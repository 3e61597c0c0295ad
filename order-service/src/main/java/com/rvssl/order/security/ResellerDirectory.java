package com.rvssl.order.security;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import com.rvssl.kit.security.ApiKeyResolver;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The resellers billing has registered, found by the hash of their API key: what the
 * kit's API-key authentication asks to know who is calling. Every request asks, so the
 * answers found are kept in memory: a key hash belongs to one reseller for good (billing
 * issues one key per registration), and a miss is never kept, so a reseller registered a
 * moment ago is found on its first request.
 */
@Component
public class ResellerDirectory implements ApiKeyResolver {

	private final ReactiveMongoTemplate mongo;

	private final Mono<Void> indexes;

	// bounded, and expiring so that a replica learns of a re-registration it did not
	// consume itself within minutes
	private final Cache<String, String> resellerIds = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	public ResellerDirectory(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		this.indexes = mongo.indexOps(Reseller.class)
			.createIndex(new Index().on("apiKeyHash", Sort.Direction.ASC).named("api_key_hash"))
			.then()
			// remember success only: if MongoDB was not up yet, the next write tries
			// again
			.cache((done) -> Duration.ofMillis(Long.MAX_VALUE), (failure) -> Duration.ZERO,
					() -> Duration.ofMillis(Long.MAX_VALUE));
	}

	/**
	 * Records (or refreshes) a registration; keyed by reseller id, so a redelivered event
	 * changes nothing.
	 */
	public Mono<Void> register(String resellerId, String name, String currency, String apiKeyHash) {
		Update update = new Update().set("name", name)
			.set("currency", currency)
			.set("apiKeyHash", apiKeyHash)
			.setOnInsert("registeredAt", Instant.now());
		return indexes.then(mongo.upsert(Query.query(Criteria.where("_id").is(resellerId)), update, Reseller.class))
			.doOnSuccess((done) -> resellerIds.asMap().values().removeIf(resellerId::equals))
			.then();
	}

	public Mono<Reseller> findByKeyHash(String apiKeyHash) {
		return mongo.findOne(Query.query(Criteria.where("apiKeyHash").is(apiKeyHash)), Reseller.class);
	}

	@Override
	public Mono<String> resellerIdOf(String apiKeyHash) {
		String known = resellerIds.getIfPresent(apiKeyHash);
		if (known != null) {
			return Mono.just(known);
		}
		return findByKeyHash(apiKeyHash).map(Reseller::id).doOnNext((id) -> resellerIds.put(apiKeyHash, id));
	}

}
