package com.rvssl.gateway.messaging;

import java.util.HashMap;
import java.util.Map;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.kafka.EventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/** Topics this service uses, and what happens to a record that cannot be handled: a few retries, then its topic's DLT. */
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

	/**
	 * Undeserialisable records reach the recoverer as their raw bytes, readable ones as envelopes:
	 * the dead-letter template writes either.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		Map<Class<?>, Serializer<?>> serializers = Map.of(byte[].class, new ByteArraySerializer(), EventEnvelope.class,
				new EventSerializer());
		var producers = new DefaultKafkaProducerFactory<Object, Object>(config, null,
				new DelegatingByTypeSerializer(serializers));
		KafkaTemplate<Object, Object> deadLetters = new KafkaTemplate<>(producers);
		var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
				(record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
		ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
		backOff.setMaxInterval(1000);
		backOff.setMaxElapsedTime(3000);
		return new DefaultErrorHandler(recoverer, backOff);
	}

}
