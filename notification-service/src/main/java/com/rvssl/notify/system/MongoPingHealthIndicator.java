package com.rvssl.notify.system;

import java.time.Duration;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}: Boot's own indicator uses {@code hello}, which the local wire
 * server does not know, so it is disabled in favour of this one.
 */
@Component("mongo")
class MongoPingHealthIndicator implements ReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Health> health() {
		return mongo.executeCommand(new Document("ping", 1))
			.map(answer -> Health.up().withDetail("command", "ping").build())
			.timeout(Duration.ofSeconds(3))
			.onErrorResume(ex -> Mono.just(Health.down(ex).build()));
	}

}
