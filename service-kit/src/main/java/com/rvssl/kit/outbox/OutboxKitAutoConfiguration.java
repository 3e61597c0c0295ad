package com.rvssl.kit.outbox;

import java.util.List;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import com.rvssl.contracts.EventEnvelope;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** One outbox relay per {@link OutboxCollection} the service declares. */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration" })
@ConditionalOnClass({ ReactiveMongoTemplate.class, KafkaTemplate.class, MeterRegistry.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxKitAutoConfiguration {

	@Bean
	@ConditionalOnBean(OutboxCollection.class)
	@ConditionalOnMissingBean
	OutboxRelays outboxRelays(List<OutboxCollection> collections, ReactiveMongoTemplate mongo,
			KafkaTemplate<String, EventEnvelope> kafka, OutboxProperties properties, MeterRegistry registry) {
		return new OutboxRelays(collections.stream()
			.collect(Collectors.toMap(OutboxCollection::collectionName,
					(collection) -> new OutboxRelay(collection, mongo, kafka, properties, registry))));
	}

}
