package com.rvssl.order.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.rvssl.kit.outbox.OutboxEntry;
import com.rvssl.kit.outbox.OutboxWakeUp;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The orders collection. Every change is one {@code findAndModify} whose filter names the
 * version it was computed from (and, for events, refuses an event id already applied), so
 * the state, the timeline entry, the applied id and the outbox entries land together or
 * not at all. Orders are only ever inserted or updated, never replaced: a replacement
 * would drop the outbox claim the kit's relay keeps in the document while it publishes.
 * Every change of an order passes here, so this is where a write that moved an order into
 * a final state is counted, once, as it succeeds ({@link OrderMetrics#finished}).
 */
@Component
public class OrderStore {

	/**
	 * Leads with the state, so that counting the orders in flight reads only them, not
	 * every order ever placed; with the reseller and product beside it MongoDB can answer
	 * that count from the index alone.
	 */
	public static final String STATE_INDEX = "state_reseller_product";

	/** The states an order is still in flight in: every state that is not final. */
	private static final List<String> IN_FLIGHT = Arrays.stream(OrderState.values())
		.filter((state) -> !state.isFinal())
		.map(OrderState::name)
		.toList();

	private static final Aggregation IN_FLIGHT_BY_STATE = Aggregation.newAggregation(
			Aggregation.match(Criteria.where("state").in(IN_FLIGHT)),
			Aggregation.group("resellerId", "state", "productCode").count().as("orders"));

	private final ReactiveMongoTemplate mongo;

	private final OrderChanges changes;

	private final OutboxWakeUp outboxes;

	private final OrderMetrics metrics;

	/**
	 * Indexes are made once, before the first query that relies on them (the idempotency
	 * key, the count of orders in flight).
	 */
	private final Mono<Void> indexes;

	public OrderStore(ReactiveMongoTemplate mongo, OrderChanges changes, OutboxWakeUp outboxes, OrderMetrics metrics) {
		this.mongo = mongo;
		this.changes = changes;
		this.outboxes = outboxes;
		this.metrics = metrics;
		this.indexes = mongo.indexOps(Order.class)
			.createIndex(new Index().on("idempotencyKey", Sort.Direction.ASC).unique().named("idempotency_key"))
			.then(mongo.indexOps(Order.class)
				.createIndex(new Index().on("resellerId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)))
			.then(mongo.indexOps(Order.class)
				.createIndex(new Index().on("state", Sort.Direction.ASC)
					.on("resellerId", Sort.Direction.ASC)
					.on("productCode", Sort.Direction.ASC)
					.named(STATE_INDEX)))
			.then()
			// remember success only: if MongoDB was not up yet, the next write tries
			// again
			.cache((done) -> Duration.ofMillis(Long.MAX_VALUE), (failure) -> Duration.ZERO,
					() -> Duration.ofMillis(Long.MAX_VALUE));
	}

	public Mono<Order> insert(Order order) {
		return indexes.then(mongo.insert(order)).doOnNext(this::wakeOutbox);
	}

	public Mono<Order> findById(String id) {
		return mongo.findById(id, Order.class);
	}

	/** The orders with these ids, in one query the {@code _id} index answers. */
	public Flux<Order> findAllById(Collection<String> ids) {
		return mongo.find(Query.query(Criteria.where("_id").in(ids)), Order.class);
	}

	public Mono<Order> findByIdempotencyKey(String key) {
		return indexes.then(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)), Order.class));
	}

	/**
	 * A page of orders, newest first; {@code resellerId} null means every reseller's (the
	 * operator).
	 */
	public Mono<OrderPage> page(String resellerId, OrderState state, String domain, int page, int size) {
		Criteria criteria = new Criteria();
		if (resellerId != null) {
			criteria = criteria.and("resellerId").is(resellerId);
		}
		if (state != null) {
			criteria = criteria.and("state").is(state);
		}
		if (domain != null) {
			criteria = criteria.and("domains").is(domain.toLowerCase(java.util.Locale.ROOT));
		}
		Query count = Query.query(criteria);
		Query find = Query.query(criteria)
			.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
			.skip((long) page * size)
			.limit(size);
		return Mono.zip(mongo.find(find, Order.class).collectList(), mongo.count(count, Order.class))
			.map((result) -> new OrderPage(result.getT1(), page, size, result.getT2()));
	}

	/**
	 * Applies a change computed from {@code current}; empty when the order changed
	 * meanwhile (or the event was applied already), in which case the caller reads it
	 * again and decides again. The written order goes to its live followers on this
	 * instance ({@link OrderChanges}).
	 */
	public Mono<Order> apply(Order current, String eventId, OrderChange change, Instant now) {
		Criteria filter = Criteria.where("_id").is(current.id()).and("version").is(current.version());
		if (eventId != null) {
			filter = filter.and("appliedEventIds").ne(eventId);
		}
		Update update = new Update().set("state", change.state())
			.set("updatedAt", now)
			.push("timeline", change.entry())
			.inc("version", 1);
		for (Map.Entry<String, Object> fact : change.facts().entrySet()) {
			update.set(fact.getKey(), fact.getValue());
		}
		if (eventId != null) {
			update.addToSet("appliedEventIds", eventId);
		}
		List<OutboxEntry> entries = change.events().stream().map(OutboxEntry::of).toList();
		if (!entries.isEmpty()) {
			update.push("outbox").each(entries.toArray());
		}
		return mongo
			.findAndModify(Query.query(filter), update, FindAndModifyOptions.options().returnNew(true), Order.class)
			// only a write that matched moved the order: a lost race or an event applied
			// before writes nothing and counts nothing
			.doOnNext((written) -> metrics.finished(current, written))
			.doOnNext(changes::changed)
			.doOnNext(this::wakeOutbox);
	}

	// the kit's relay publishes the order's new events at once
	private void wakeOutbox(Order written) {
		if (written.outbox() != null && !written.outbox().isEmpty()) {
			outboxes.filled(Order.COLLECTION, written.id());
		}
	}

	/**
	 * Remembers an event that changes nothing (it came too late), so its redelivery is
	 * recognised.
	 */
	public Mono<Order> rememberStale(Order current, String eventId) {
		Query filter = Query.query(Criteria.where("_id")
			.is(current.id())
			.and("version")
			.is(current.version())
			.and("appliedEventIds")
			.ne(eventId));
		Update update = new Update().addToSet("appliedEventIds", eventId).inc("version", 1);
		return mongo.findAndModify(filter, update, FindAndModifyOptions.options().returnNew(true), Order.class);
	}

	/**
	 * How many orders are in flight (not in a final state) per reseller, state and
	 * product. The filter on the state is answered by the state index, so the work
	 * follows the orders under way, not every order ever placed; finished orders are
	 * counted as they finish instead ({@link OrderMetrics#finished}).
	 */
	public Flux<StateCount> inFlightByState() {
		return indexes.thenMany(mongo.aggregate(IN_FLIGHT_BY_STATE, Order.COLLECTION, Document.class))
			.map(StateCount::of);
	}

	/** How many orders of a reseller and product are in a state. */
	public record StateCount(String resellerId, String state, String productCode, long orders) {

		static StateCount of(Document counted) {
			Document key = counted.get("_id", Document.class);
			return new StateCount(String.valueOf(key.get("resellerId")), String.valueOf(key.get("state")),
					String.valueOf(key.get("productCode")), ((Number) counted.get("orders")).longValue());
		}

	}

	/** One page of a listing, in the API's paging shape. */
	public record OrderPage(List<Order> content, int page, int size, long totalElements) {
	}

}
