package com.rvssl.kit.health;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * MongoDB health by {@code ping}, for the readiness probe: Boot's own indicator uses
 * {@code hello}, which the embedded wire server lacks.
 */
public class MongoPingHealth extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	public MongoPingHealth(ReactiveMongoTemplate mongo) {
		super("MongoDB ping failed");
		this.mongo = mongo;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return mongo.executeCommand(new Document("ping", 1)).map((reply) -> builder.up().build());
	}

}
