package com.rvssl.kit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
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
 * Publishes the events waiting in one collection's outboxes. A store's write that filled
 * an outbox wakes it ({@link #filled}): it then reads that document by {@code _id}. A
 * slow sweep, through the index of pending documents ({@link PendingOutboxes}), picks up
 * what a lost wake-up left (a crash between the write and the wake-up, a failed send).
 *
 * <p>
 * For each document it first claims the outbox (so that two replicas never publish the
 * same entries side by side; a relay that dies leaves its claim to run out), then sends
 * the entries in the order they were written, without waiting on each acknowledgement,
 * then removes the acknowledged ones and gives the claim back in one write, which tells
 * whether entries came in meanwhile: they go out at once, by the same relay, so a wake-up
 * that found the outbox claimed loses nothing. A crash between the ack and the pull
 * publishes an event twice, which consumers absorb by its event id; Kafka being down only
 * delays events.
 */
public class OutboxRelay extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final String collection;

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, EventEnvelope> kafka;

	private final OutboxProperties properties;

	private final Counter published;

	private final Counter parked;

	// the documents woken and not yet taken up: a document written to again before its
	// relay got to it is queued once
	private final Set<Object> queued = ConcurrentHashMap.newKeySet();

	private volatile Sinks.Many<Object> wakeUps;

	private volatile Disposable woken;

	private volatile boolean indexed;

	public OutboxRelay(OutboxCollection collection, ReactiveMongoTemplate mongo,
			KafkaTemplate<String, EventEnvelope> kafka, OutboxProperties properties, MeterRegistry registry) {
		super("outbox sweep of " + collection.collectionName(), firstSweep(properties), properties.sweepInterval());
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

	// soon after the start: a restart publishes at once what a crash left
	private static Duration firstSweep(OutboxProperties properties) {
		Duration second = Duration.ofSeconds(1);
		return (properties.sweepInterval().compareTo(second) < 0) ? properties.sweepInterval() : second;
	}

	@Override
	public void start() {
		Sinks.Many<Object> sink = Sinks.many().unicast().onBackpressureBuffer();
		woken = sink.asFlux().flatMap((id) -> {
			queued.remove(id);
			// a broker's short hiccup (a leader moving) should not leave the entries to
			// the sweep
			return publish(id).retryWhen(Retry.backoff(2, Duration.ofMillis(500))).onErrorResume((ex) -> {
				log.warn("Publishing the outbox of {} {} failed, the sweep tries again: {}", collection, id,
						ex.toString());
				return Mono.empty();
			});
		}, properties.concurrency()).subscribe();
		wakeUps = sink;
		super.start();
	}

	@Override
	public void stop() {
		super.stop();
		Sinks.Many<Object> sink = wakeUps;
		wakeUps = null;
		if (sink != null) {
			synchronized (sink) {
				sink.tryEmitComplete();
			}
		}
		Disposable running = woken;
		if (running != null) {
			running.dispose();
		}
		queued.clear();
	}

	/**
	 * Wakes the relay for document {@code id}, whose outbox a write just filled; returns
	 * at once. Before the relay started or after it stopped, the sweep finds the entries.
	 */
	public void filled(Object id) {
		Sinks.Many<Object> sink = wakeUps;
		if (sink == null || !queued.add(id)) {
			return;
		}
		Sinks.EmitResult result;
		// one emitter at a time, as the sink requires
		synchronized (sink) {
			result = sink.tryEmitNext(id);
		}
		if (result.isFailure()) {
			queued.remove(id);
		}
	}

	@Override
	protected Mono<Void> round() {
		return relayOnce();
	}

	/**
	 * One sweep: the outboxes of unclaimed pending documents, found through the index of
	 * pending documents, a batch at a time while batches come back full and go out
	 * without a failure.
	 */
	public Mono<Void> relayOnce() {
		return ensureIndex().then(Mono.defer(this::sweepBatch)).flatMap((more) -> more ? relayOnce() : Mono.empty());
	}

	private Mono<Void> ensureIndex() {
		if (indexed) {
			return Mono.empty();
		}
		return mongo.indexOps(collection)
			.createIndex(PendingOutboxes.index())
			.doOnNext((name) -> indexed = true)
			.then();
	}

	private Mono<Boolean> sweepBatch() {
		Query pending = Query.query(pendingAndUnclaimed(PendingOutboxes.pending(), Instant.now()))
			.limit(properties.batchSize());
		pending.fields().include("_id");
		return mongo.find(pending, Document.class, collection)
			.flatMap((document) -> publish(document.get("_id")).thenReturn(true).onErrorResume((ex) -> {
				// this document's entries keep their order: the next sweep starts again
				// at the first unsent one
				log.warn("Publishing the outbox of {} {} failed, retrying next sweep: {}", collection,
						document.get("_id"), ex.toString());
				return Mono.just(false);
			}), properties.concurrency())
			.collectList()
			.map((results) -> results.size() == properties.batchSize() && !results.contains(false));
	}

	/**
	 * Publishes one document's outbox, unless another replica holds it right now (that
	 * one then publishes what this call would have), and again while writes filled it
	 * meanwhile.
	 */
	public Mono<Void> publish(Object id) {
		Instant now = Instant.now();
		Date until = Date.from(now.plus(properties.claim()));
		Query unclaimed = Query
			.query(pendingAndUnclaimed(Criteria.where("_id").is(id).and(OUTBOX + ".0").exists(true), now));
		// the entries only: the document around them (a whole order) is many times larger
		unclaimed.fields().include(OUTBOX);
		return mongo
			.findAndModify(unclaimed, new Update().set(CLAIMED_UNTIL, until),
					FindAndModifyOptions.options().returnNew(true), Document.class, collection)
			.flatMap((claimed) -> send(id, until, entries(claimed))
				.onErrorResume((ex) -> release(id, until).then(Mono.error(ex))))
			.flatMap((filledMeanwhile) -> filledMeanwhile ? publish(id) : Mono.empty());
	}

	/**
	 * Sends every entry before waiting for any acknowledgement (the idempotent producer
	 * keeps the records of a partition in the order they were sent, and fails the ones
	 * behind a record it could not deliver), then settles the outbox and gives the claim
	 * back in one write: the entries up to the first failure leave it, the unpublishable
	 * ones among them parked. What follows a failure stays, to be sent again, in order,
	 * with it. Emits whether entries came in meanwhile.
	 */
	private Mono<Boolean> send(Object id, Date until, List<OutboxEntry> entries) {
		// send() may block on metadata while the broker is away: keep it off the event
		// loops
		return Mono.fromCallable(() -> startAll(entries))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((sending) -> Flux.fromIterable(sending).concatMap(this::outcome).collectList())
			.flatMap((outcomes) -> settle(id, until, outcomes));
	}

	// stops at a send that failed at once for a reason a retry may cure (the broker
	// away): each further one would block as long on the metadata
	private List<Sending> startAll(List<OutboxEntry> entries) {
		List<Sending> started = new ArrayList<>();
		for (OutboxEntry entry : entries) {
			Sending sending = start(entry);
			started.add(sending);
			if (sending.ack().isCompletedExceptionally()
					&& !sending.ack().handle((result, ex) -> UnpublishableEntry.isCause(ex)).join()) {
				break;
			}
		}
		return started;
	}

	private Sending start(OutboxEntry entry) {
		try {
			EventEnvelope envelope = read(entry);
			return new Sending(entry, envelope, kafka.send(envelope.topic(), envelope.key(), envelope));
		}
		catch (RuntimeException ex) {
			return new Sending(entry, null, CompletableFuture.failedFuture(ex));
		}
	}

	private Mono<Outcome> outcome(Sending sending) {
		return Mono.fromFuture(sending.ack(), true).timeout(properties.sendTimeout()).map((result) -> {
			published.increment();
			log.debug("Published {} {} of order {}", sending.envelope().type(), sending.envelope().eventId(),
					sending.envelope().orderId());
			return new Outcome(sending.entry(), null);
		}).onErrorResume((ex) -> Mono.just(new Outcome(sending.entry(), ex)));
	}

	private Mono<Boolean> settle(Object id, Date until, List<Outcome> outcomes) {
		List<String> done = new ArrayList<>();
		List<Document> parkedEntries = new ArrayList<>();
		Throwable failure = null;
		for (Outcome outcome : outcomes) {
			if (outcome.failure() == null) {
				done.add(outcome.entry().eventId());
			}
			else if (UnpublishableEntry.isCause(outcome.failure())) {
				done.add(outcome.entry().eventId());
				parkedEntries.add(parked(id, outcome.entry(), outcome.failure()));
			}
			else {
				failure = outcome.failure();
				break;
			}
		}
		Mono<Boolean> written = settleAndRelease(id, until, settlement(done, parkedEntries))
			.switchIfEmpty(Mono.defer(() -> settleAfterLosingClaim(id, done, parkedEntries)))
			.doOnNext((filledMeanwhile) -> parked.increment(parkedEntries.size()));
		Throwable failed = failure;
		return (failed != null) ? written.then(Mono.error(failed)) : written;
	}

	// the usual case, the claim still ours: settled and given back in one write; true
	// when entries came in while it was held
	private Mono<Boolean> settleAndRelease(Object id, Date until, Update settlement) {
		Query own = Query.query(Criteria.where("_id").is(id).and(CLAIMED_UNTIL).is(until));
		own.fields().include(OUTBOX);
		return mongo
			.findAndModify(own, settlement.unset(CLAIMED_UNTIL), FindAndModifyOptions.options().returnNew(true),
					Document.class, collection)
			.map((released) -> !released.getList(OUTBOX, Document.class, List.of()).isEmpty());
	}

	// the claim ran out and another relay holds it now: the acknowledged entries still
	// leave, so that it does not send them again; the rest is that relay's to send
	private Mono<Boolean> settleAfterLosingClaim(Object id, List<String> done, List<Document> parkedEntries) {
		if (done.isEmpty()) {
			return Mono.just(false);
		}
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), settlement(done, parkedEntries), collection)
			.thenReturn(false);
	}

	private static Update settlement(List<String> done, List<Document> parkedEntries) {
		Update update = new Update();
		if (!done.isEmpty()) {
			update.pull(OUTBOX, new Document("eventId", new Document("$in", done)));
		}
		if (!parkedEntries.isEmpty()) {
			update.push(PARKED).each(parkedEntries.toArray());
		}
		return update;
	}

	private Document parked(Object id, OutboxEntry entry, Throwable failure) {
		String reason = UnpublishableEntry.reason(failure).toString();
		log.error("Parked outbox entry {} of {} {}: it can never be published ({}); the entries behind it go on",
				entry.eventId(), collection, id, reason);
		return new Document("eventId", entry.eventId()).append("envelope", entry.envelope())
			.append("reason", reason)
			.append("parkedAt", new Date());
	}

	/**
	 * An entry whose send has started; its envelope is null when it could not be read.
	 */
	private record Sending(OutboxEntry entry, EventEnvelope envelope, CompletableFuture<?> ack) {
	}

	/** What became of a send: acknowledged (no failure) or failed. */
	private record Outcome(OutboxEntry entry, Throwable failure) {
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

	private static EventEnvelope read(OutboxEntry entry) {
		try {
			return EventJson.read(entry.envelope());
		}
		catch (RuntimeException ex) {
			throw new UnpublishableEntry("its envelope cannot be read: " + ex.getMessage(), ex);
		}
	}

	// only our own claim: one that ran out and was taken over belongs to the other
	// replica now; true when entries came in while it was held
	private Mono<Boolean> release(Object id, Date until) {
		Query own = Query.query(Criteria.where("_id").is(id).and(CLAIMED_UNTIL).is(until));
		own.fields().include(OUTBOX);
		return mongo
			.findAndModify(own, new Update().unset(CLAIMED_UNTIL), FindAndModifyOptions.options().returnNew(true),
					Document.class, collection)
			.map((released) -> !released.getList(OUTBOX, Document.class, List.of()).isEmpty())
			.defaultIfEmpty(false);
	}

}
