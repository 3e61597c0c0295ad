package com.rvssl.billing.ledger;

import com.mongodb.DuplicateKeyException;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Appends ledger entries (idempotently, by their cause-derived id) and reads a reseller's
 * pages.
 */
@Component
public class CreditLedger {

	private final ReactiveMongoTemplate mongo;

	CreditLedger(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Appends {@code entry}; an entry with the same id already there is the same
	 * movement, so it is kept.
	 */
	public Mono<Void> append(LedgerEntry entry) {
		return mongo.insert(entry)
			.onErrorResume(org.springframework.dao.DuplicateKeyException.class, (ex) -> Mono.empty())
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	public Mono<LedgerEntry> find(String id) {
		return mongo.findById(id, LedgerEntry.class);
	}

	/** Newest first. */
	public Mono<Page> page(String resellerId, int page, int size) {
		Query byReseller = Query.query(where("resellerId").is(resellerId));
		Query pageQuery = Query.query(where("resellerId").is(resellerId))
			.with(Sort.by(Sort.Direction.DESC, "seq"))
			.skip((long) page * size)
			.limit(size);
		return mongo.find(pageQuery, LedgerEntry.class)
			.collectList()
			.zipWith(mongo.count(byReseller, LedgerEntry.class))
			.map((result) -> new Page(result.getT1(), page, size, result.getT2()));
	}

	public record Page(java.util.List<LedgerEntry> content, int page, int size, long totalElements) {
	}

}
