package com.rvssl.notify.system;

import java.time.Duration;

import com.rvssl.notify.deliveries.Delivery;
import com.rvssl.notify.recipients.Reseller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the queries run on: due retries (status, next attempt), the API's log per
 * reseller and order, and API key look-ups. Created in the background after start-up and
 * retried, instead of Spring Data's auto-index creation, which holds start-up hostage to
 * the database being reachable.
 */
@Component
class Indexes {

	private static final Logger log = LoggerFactory.getLogger(Indexes.class);

	private final ReactiveMongoTemplate mongo;

	Indexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void create() {
		Flux.concat(
				create(Delivery.class,
						new Index().on("status", Sort.Direction.ASC)
							.on("nextAttemptAt", Sort.Direction.ASC)
							.named("due_retries")),
				create(Delivery.class,
						new Index().on("resellerId", Sort.Direction.ASC)
							.on("orderId", Sort.Direction.ASC)
							.named("reseller_order")),
				create(Reseller.class, new Index().on("apiKeyHash", Sort.Direction.ASC).named("api_key")))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
			.subscribe(name -> log.info("index {} is in place", name),
					ex -> log.warn("could not create indexes: {}", ex.toString()));
	}

	private Mono<String> create(Class<?> type, Index index) {
		return mongo.indexOps(type).createIndex(index);
	}

}
