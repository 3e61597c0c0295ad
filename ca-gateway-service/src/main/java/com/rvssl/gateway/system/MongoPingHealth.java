package com.rvssl.gateway.system;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** MongoDB is up when it answers {@code ping}. Boot's own indicator uses {@code hello}, which the wire server lacks. */
@Component("mongoPing")
class MongoPingHealth implements ReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	MongoPingHealth(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Health> health() {
		return mongo.executeCommand(new Document("ping", 1))
			.map(reply -> Health.up().build())
			.onErrorResume(failure -> Mono.just(Health.down(failure).build()));
	}

}
