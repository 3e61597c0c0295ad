package com.rvssl.kit.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The readiness checks under the names every service's readiness group lists:
 * {@code kafka} and {@code mongo}. Boot's own Mongo indicator
 * ({@code management.health.mongodb.enabled=false} in each service) cannot work against
 * the embedded wire server. Each check needs its client configured: an application that
 * excludes Boot's Kafka or MongoDB configuration (the sandbox CA, hosted in another
 * module's tests) gets no check for it.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration" })
@ConditionalOnClass(ReactiveHealthIndicator.class)
public class HealthKitAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaAdmin.class)
	@ConditionalOnBean(KafkaAdmin.class)
	static class KafkaHealth {

		@Bean("kafka")
		@ConditionalOnMissingBean(name = "kafka")
		KafkaClusterHealth kafkaClusterHealth(KafkaAdmin kafkaAdmin) {
			return new KafkaClusterHealth(kafkaAdmin);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveMongoTemplate.class)
	@ConditionalOnBean(ReactiveMongoTemplate.class)
	static class MongoHealth {

		@Bean("mongo")
		@ConditionalOnMissingBean(name = "mongo")
		MongoPingHealth mongoPingHealth(ReactiveMongoTemplate mongo) {
			return new MongoPingHealth(mongo);
		}

	}

}
