package com.rvssl.billing.observability;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** MongoDB health by {@code ping}: Boot's own indicator uses {@code hello}, which the wire server lacks. */
@Component("mongoPing")
class MongoPingHealthIndicator implements ReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Health> health() {
		return mongo.executeCommand(new Document("ping", 1))
			.map((reply) -> Health.up().build())
			.onErrorResume((ex) -> Mono.just(Health.down(ex).build()));
	}

}
