package com.rvssl.statussync.tracking;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.retry.Retry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes the queries run on: the poll's (state, then next check time), the
 * expiry sweep's (state, notAfter), the reissue-point sweep's (state, reissueDueAt) and
 * the CA push's (CA, CA order id). Done in the background after start-up and retried,
 * instead of Spring Data's auto-index creation, which holds start-up hostage to the
 * database being reachable.
 */
@Component
class TrackedOrderIndexes {

	private static final Logger log = LoggerFactory.getLogger(TrackedOrderIndexes.class);

	private final ReactiveMongoTemplate mongo;

	TrackedOrderIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createIndexes() {
		mongo.indexOps(TrackedOrder.class)
			.createIndex(new Index().on("state", Sort.Direction.ASC)
				.on("nextCheckAt", Sort.Direction.ASC)
				.named("due_checks"))
			.concatWith(mongo.indexOps(TrackedOrder.class)
				.createIndex(
						new Index().on("state", Sort.Direction.ASC).on("notAfter", Sort.Direction.ASC).named("expiry")))
			// the reissue-point sweep: only certificates whose successor is still to be
			// announced
			// carry a reissueDueAt
			.concatWith(mongo.indexOps(TrackedOrder.class)
				.createIndex(new Index().on("state", Sort.Direction.ASC)
					.on("reissueDueAt", Sort.Direction.ASC)
					.named("reissue_due")))
			// a CA's push names its own order id
			.concatWith(mongo.indexOps(TrackedOrder.class)
				.createIndex(
						new Index().on("ca", Sort.Direction.ASC).on("caOrderId", Sort.Direction.ASC).named("ca_order")))
			// pushes that outran their order's tracking are forgotten after a day
			.concatWith(mongo.indexOps(PushedOrders.EARLY)
				.createIndex(new Index().on("pushedAt", Sort.Direction.ASC)
					.expire(Duration.ofDays(1))
					.named("forget_after_a_day")))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.subscribe(name -> log.info("index {} of {} is in place", name, TrackedOrder.COLLECTION),
					ex -> log.warn("could not create the indexes: {}", ex.toString()));
	}

}
