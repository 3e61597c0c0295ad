package com.rvssl.order.system;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** MongoDB health by {@code ping}: Boot's own indicator uses {@code hello}, which the wire server lacks. */
@Component("mongo")
class MongoPingHealth extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	MongoPingHealth(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return mongo.executeCommand(new Document("ping", 1)).map((reply) -> builder.up().build());
	}

}
