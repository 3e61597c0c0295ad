package com.rvssl.billing.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rvssl.billing.charging.CurrencyMismatchException;
import com.rvssl.billing.charging.UnknownResellerException;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.kafka.EventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** Topics billing uses, and what happens to a record that cannot be processed: a few retries, then its dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

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
	 * Blocking retries keep an order's events in order; then the record goes to {@code <topic>-dlt}
	 * on the same partition. The dead-letter template is not a bean (a KafkaTemplate bean would
	 * replace Boot's) and writes both events and the raw bytes of records that never were events.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaProperties properties) {
		Map<Class<?>, Serializer<?>> serializers = new LinkedHashMap<>();
		serializers.put(byte[].class, new ByteArraySerializer());
		serializers.put(EventEnvelope.class, new EventSerializer());
		serializers.put(String.class, new StringSerializer());
		DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(
				properties.buildProducerProperties(), new StringSerializer(),
				new DelegatingByTypeSerializer(serializers, true));
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers));
		ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
		backOff.setMaxInterval(1_000);
		backOff.setMaxAttempts(4);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(UnknownResellerException.class, CurrencyMismatchException.class);
		return handler;
	}

	/**
	 * The order-status projection's listeners: configured like Boot's, but a record that cannot be
	 * applied is retried until it can (the database is back) rather than dead-lettered, and an
	 * unreadable record is only logged: the charging listener already puts it on the dead-letter
	 * topic, once.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> orderStatusListenerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
		return factory;
	}

}
