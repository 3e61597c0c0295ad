package com.rvssl.order.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.kafka.EventSerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics this service uses, and what happens to a record that cannot be handled: a few quick
 * retries in place (keeping the partition's order), then the dead-letter topic, same partition.
 */
@Configuration(proxyBeanMethods = false)
class KafkaSetup {

	@Bean
	NewTopic ordersTopic() {
		return TopicBuilder.name(Topics.ORDERS).partitions(Topics.PARTITIONS).build();
	}

	@Bean
	NewTopic ordersDeadLetterTopic() {
		return TopicBuilder.name(Topics.deadLetterOf(Topics.ORDERS)).partitions(Topics.PARTITIONS).build();
	}

	@Bean
	NewTopic accountsTopic() {
		return TopicBuilder.name(Topics.ACCOUNTS).partitions(Topics.PARTITIONS).build();
	}

	@Bean
	NewTopic accountsDeadLetterTopic() {
		return TopicBuilder.name(Topics.deadLetterOf(Topics.ACCOUNTS)).partitions(Topics.PARTITIONS).build();
	}

	@Bean
	CommonErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory) {
		// records that failed deserialisation arrive as raw bytes: the dead-letter template writes both kinds
		Map<Class<?>, Serializer<?>> serializers = new LinkedHashMap<>();
		serializers.put(byte[].class, new ByteArraySerializer());
		serializers.put(EventEnvelope.class, new EventSerializer());
		DefaultKafkaProducerFactory<Object, Object> deadLetters = new DefaultKafkaProducerFactory<>(
				producerFactory.getConfigurationProperties(), new DelegatingByTypeSerializer(
						Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer())),
				new DelegatingByTypeSerializer(serializers, true));
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(deadLetters),
				(record, ex) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
		ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
		backOff.setMaxInterval(1000);
		backOff.setMaxElapsedTime(3000);
		return new DefaultErrorHandler(recoverer, backOff);
	}

}
