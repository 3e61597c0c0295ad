package com.rvssl.billing.accounts;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.rvssl.kit.outbox.OutboxWakeUp;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads and writes account documents; every decision goes through {@link #apply}, a
 * compare-and-set.
 */
@Component
public class AccountStore {

	private final ReactiveMongoTemplate mongo;

	private final OutboxWakeUp outboxes;

	AccountStore(ReactiveMongoTemplate mongo, OutboxWakeUp outboxes) {
		this.mongo = mongo;
		this.outboxes = outboxes;
	}

	public Mono<Account> find(String resellerId) {
		return mongo.findById(resellerId, Account.class);
	}

	public Mono<Account> findByApiKeyHash(String apiKeyHash) {
		return mongo.findOne(Query.query(where("apiKeyHash").is(apiKeyHash)), Account.class);
	}

	public Flux<Account> all() {
		return mongo.findAll(Account.class);
	}

	public Mono<Account> insert(Account account) {
		return mongo.insert(account).doOnNext(this::wakeOutbox);
	}

	/**
	 * Writes {@code update} only if the account is still at the version it was decided
	 * on: the balance, queue, pending movements and outbox change together or not at all.
	 * Emits {@link ConcurrentAccountChange} when another decision got there first; the
	 * caller decides again.
	 */
	public Mono<Account> apply(Account before, AccountUpdate update) {
		Query query = Query.query(where("_id").is(before.id()).and("version").is(before.version()));
		Update change = new Update().set("balance", update.balance())
			.set("ledgerSeq", update.ledgerSeq())
			.set("waiting", update.waiting())
			.set("creditLowSignalled", update.creditLowSignalled())
			.inc("version", 1);
		if (!update.pending().isEmpty()) {
			change.push("inflight").each(update.pending().toArray());
		}
		if (!update.outbox().isEmpty()) {
			change.push("outbox").each(update.outbox().toArray());
		}
		if (update.appliedTopUpKey() != null) {
			change.addToSet("appliedTopUpKeys", update.appliedTopUpKey());
		}
		return mongo.findAndModify(query, change, FindAndModifyOptions.options().returnNew(true), Account.class)
			.switchIfEmpty(Mono.error(() -> new ConcurrentAccountChange(before.id())))
			.doOnNext(this::wakeOutbox);
	}

	// the kit's relay publishes the account's new events at once
	private void wakeOutbox(Account written) {
		if (written.outbox() != null && !written.outbox().isEmpty()) {
			outboxes.filled(Account.COLLECTION, written.id());
		}
	}

	/**
	 * Sets the reseller's low-credit line (minor units, 0 for none) and re-arms the
	 * signal: the next charge that leaves the balance below it sends CreditLow. Bumps the
	 * version so a decision read before this change is taken again with the new line.
	 */
	public Mono<Account> setLowCreditThreshold(String resellerId, long threshold) {
		return mongo.findAndModify(Query.query(where("_id").is(resellerId)),
				new Update().set("lowCreditThreshold", threshold).set("creditLowSignalled", false).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Account.class);
	}

	/** Forgets a pending movement once its ledger entry and order state are written. */
	public Mono<Void> completed(String resellerId, String pendingId) {
		return mongo
			.updateFirst(Query.query(where("_id").is(resellerId)),
					new Update().pull("inflight", Query.query(where("id").is(pendingId))), Account.class)
			.then();
	}

	/** Another decision changed the account between read and write. */
	public static class ConcurrentAccountChange extends RuntimeException {

		public ConcurrentAccountChange(String resellerId) {
			super("account " + resellerId + " changed concurrently", null, false, false);
		}

	}

}
