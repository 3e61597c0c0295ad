package com.rvssl.kit.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.EventJson;
import com.rvssl.kit.work.RepeatingWork;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import static com.rvssl.kit.outbox.OutboxCollection.CLAIMED_UNTIL;
import static com.rvssl.kit.outbox.OutboxCollection.OUTBOX;
import static com.rvssl.kit.outbox.OutboxCollection.PARKED;

/**
 * Publishes the events waiting in one collection's outboxes. For each document it first
 * claims the outbox (so that two replicas never publish the same entries side by side; a
 * relay that dies leaves its claim to run out), then sends the entries in the order they
 * were written, each only after the previous one was acknowledged, and {@code $pull}s
 * each once acknowledged. A crash between the ack and the pull publishes an event twice,
 * which consumers absorb by its event id; Kafka being down only delays events.
 */
public class OutboxRelay extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final String collection;

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, EventEnvelope> kafka;

	private final OutboxProperties properties;

	private final Counter published;

	private final Counter parked;

	public OutboxRelay(OutboxCollection collection, ReactiveMongoTemplate mongo,
			KafkaTemplate<String, EventEnvelope> kafka, OutboxProperties properties, MeterRegistry registry) {
		super("outbox relay of " + collection.collectionName(), properties.pollInterval(), properties.pollInterval());
		this.collection = collection.collectionName();
		this.mongo = mongo;
		this.kafka = kafka;
		this.properties = properties;
		this.published = Counter.builder("rvssl.outbox.published")
			.description("Events the outbox relay published and the broker acknowledged")
			.tag("collection", this.collection)
			.register(registry);
		this.parked = Counter.builder("rvssl.outbox.parked")
			.description("Outbox entries set aside because they can never be published")
			.tag("collection", this.collection)
			.register(registry);
	}

	@Override
	protected Mono<Void> round() {
		return relayOnce();
	}

	/**
	 * One round: the outboxes of up to a batch of unclaimed documents, each in its own
	 * order.
	 */
	public Mono<Void> relayOnce() {
		Query pending = Query.query(pendingAndUnclaimed(Criteria.where(OUTBOX + ".0").exists(true), Instant.now()))
			.limit(properties.batchSize());
		pending.fields().include("_id");
		return mongo.find(pending, Document.class, collection)
			.flatMap((document) -> publish(document.get("_id")).onErrorResume((ex) -> {
				// this document's entries keep their order: the next round starts again
				// at the first unsent one
				log.warn("Publishing the outbox of {} {} failed, retrying next round: {}", collection,
						document.get("_id"), ex.toString());
				return Mono.empty();
			}), properties.concurrency())
			.then();
	}

	/** Publishes one document's outbox, unless another replica holds it right now. */
	public Mono<Void> publish(Object id) {
		Instant now = Instant.now();
		Date until = Date.from(now.plus(properties.claim()));
		Query unclaimed = Query
			.query(pendingAndUnclaimed(Criteria.where("_id").is(id).and(OUTBOX + ".0").exists(true), now));
		return mongo
			.findAndModify(unclaimed, new Update().set(CLAIMED_UNTIL, until),
					FindAndModifyOptions.options().returnNew(true), Document.class, collection)
			.flatMap((claimed) -> Flux.fromIterable(entries(claimed))
				.concatMap((entry) -> send(entry).then(pull(id, entry.eventId()))
					.onErrorResume(UnpublishableEntry::isCause, (ex) -> park(id, entry, ex)))
				.then(release(id, until))
				.onErrorResume((ex) -> release(id, until).then(Mono.error(ex))));
	}

	private static Criteria pendingAndUnclaimed(Criteria criteria, Instant now) {
		return criteria.orOperator(Criteria.where(CLAIMED_UNTIL).is(null),
				Criteria.where(CLAIMED_UNTIL).lt(Date.from(now)));
	}

	private static List<OutboxEntry> entries(Document document) {
		return document.getList(OUTBOX, Document.class)
			.stream()
			// "json" is where billing and the gateway kept the envelope before the kit:
			// entries written then still go out
			.map((entry) -> new OutboxEntry(entry.getString("eventId"),
					entry.containsKey("envelope") ? entry.getString("envelope") : entry.getString("json")))
			.toList();
	}

	private Mono<Void> send(OutboxEntry entry) {
		return Mono.fromCallable(() -> read(entry)).flatMap(this::send);
	}

	private Mono<Void> send(EventEnvelope envelope) {
		// send() may block on metadata while the broker is away: keep it off the event
		// loops
		return Mono.fromFuture(() -> kafka.send(envelope.topic(), envelope.key(), envelope))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(properties.sendTimeout())
			.doOnNext((result) -> {
				published.increment();
				log.debug("Published {} {} of order {}", envelope.type(), envelope.eventId(), envelope.orderId());
			})
			.then();
	}

	private static EventEnvelope read(OutboxEntry entry) {
		try {
			return EventJson.read(entry.envelope());
		}
		catch (RuntimeException ex) {
			throw new UnpublishableEntry("its envelope cannot be read: " + ex.getMessage(), ex);
		}
	}

	private Mono<Void> park(Object id, OutboxEntry entry, Throwable failure) {
		String reason = UnpublishableEntry.reason(failure).toString();
		log.error("Parked outbox entry {} of {} {}: it can never be published ({}); the entries behind it go on",
				entry.eventId(), collection, id, reason);
		Document parkedEntry = new Document("eventId", entry.eventId()).append("envelope", entry.envelope())
			.append("reason", reason)
			.append("parkedAt", new Date());
		return mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().pull(OUTBOX, new Document("eventId", entry.eventId())).push(PARKED, parkedEntry),
					collection)
			.doOnNext((result) -> parked.increment())
			.then();
	}

	private Mono<Void> pull(Object id, String eventId) {
		return mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().pull(OUTBOX, new Document("eventId", eventId)), collection)
			.then();
	}

	// only our own claim: one that ran out and was taken over belongs to the other
	// replica now
	private Mono<Void> release(Object id, Date until) {
		return mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and(CLAIMED_UNTIL).is(until)),
					new Update().unset(CLAIMED_UNTIL), collection)
			.then();
	}

}
