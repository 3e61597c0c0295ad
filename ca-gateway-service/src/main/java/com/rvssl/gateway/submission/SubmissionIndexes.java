package com.rvssl.gateway.submission;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * The indexes the store's periodic queries run on (DESIGN §4: nothing periodic reads
 * every record ever kept): due re-attempts and cancellations (state, then due time),
 * stale claims (state, then claim time), a CA's queue (state, CA, then age and id), and
 * two sparse ones over fields present only while there is work: the records with stray CA
 * orders and those whose CA is due to be searched again. Created in the background after
 * start-up and retried, so start-up does not wait for the database.
 */
@Component
class SubmissionIndexes {

	private static final Logger log = LoggerFactory.getLogger(SubmissionIndexes.class);

	/** Every index the store's queries rely on. */
	static final List<Index> ALL = List.of(
			new Index().on("state", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).named("due"),
			new Index().on("state", Sort.Direction.ASC).on("claimedAt", Sort.Direction.ASC).named("claims"),
			new Index().on("state", Sort.Direction.ASC)
				.on("ca", Sort.Direction.ASC)
				.on("createdAt", Sort.Direction.ASC)
				.on("_id", Sort.Direction.ASC)
				.named("ca_queue"),
			new Index().on("straysSince", Sort.Direction.ASC).sparse().named("strays"),
			new Index().on("referenceCheckAt", Sort.Direction.ASC).sparse().named("reference_checks"));

	private final ReactiveMongoTemplate mongo;

	SubmissionIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createIndexes() {
		Flux.fromIterable(ALL)
			.concatMap(index -> mongo.indexOps(SubmissionRecord.class).createIndex(index))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.subscribe(name -> log.info("index {} of {} is in place", name, SubmissionRecord.COLLECTION),
					ex -> log.warn("could not create the indexes: {}", ex.toString()));
	}

}
