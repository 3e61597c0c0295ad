package com.rvssl.notify.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rvssl.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics this service uses (whichever service starts first creates them) and what happens to a
 * record the listener cannot handle: a few quick retries in place (keeps the partition's order),
 * then the dead-letter topic, same partition. Undeserialisable records arrive as raw bytes, hence
 * the byte[] template next to the envelope one.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

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
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> kafkaTemplate, KafkaProperties properties) {
		KafkaTemplate<String, byte[]> rawTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				properties.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer()));
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawTemplate);
		templates.put(Object.class, kafkaTemplate);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
		ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
		backOff.setMaxInterval(1_000);
		backOff.setMaxAttempts(4);
		return new DefaultErrorHandler(recoverer, backOff);
	}

}
