package com.rvssl.kit.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import com.rvssl.contracts.Topics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.FailedRecordProcessor;

/**
 * Kafka as every service uses it: the platform's topics and their dead-letter topics
 * (same partition count), one error handler that retries in place and then dead-letters,
 * the count of dead letters, and consumers that stay quiet while no events come. Boot's
 * listener container factory picks the error handler up by itself. Only with Boot's Kafka
 * configuration: an application that excludes it (the sandbox CA, hosted in another
 * module's tests) has no broker to talk to.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaProperties.class)
@EnableConfigurationProperties(KafkaRetryProperties.class)
public class KafkaKitAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "rvsslTopics")
	KafkaAdmin.NewTopics rvsslTopics() {
		return new KafkaAdmin.NewTopics(List.of(Topics.ORDERS, Topics.ACCOUNTS)
			.stream()
			.flatMap((topic) -> List.of(topic, Topics.deadLetterOf(topic)).stream())
			.map((topic) -> TopicBuilder.name(topic).partitions(Topics.PARTITIONS).build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * How long the broker holds a consumer's fetch while there is nothing to return: the
	 * client's 500 ms default costs every consumer thread (dozens per stack) and the
	 * broker two round trips a second while idle. A record that arrives still answers the
	 * waiting fetch at once, so a longer wait costs no latency; only partitions newly
	 * assigned by a rebalance may wait for the fetch already out, hence seconds, not
	 * minutes. A service that sets {@code spring.kafka.consumer.fetch-max-wait} keeps its
	 * own.
	 */
	static final Duration IDLE_FETCH_WAIT = Duration.ofSeconds(2);

	@Bean
	DefaultKafkaConsumerFactoryCustomizer rvsslIdleFetchWait() {
		return (factory) -> {
			if (!factory.getConfigurationProperties().containsKey(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)) {
				factory
					.updateConfigs(Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) IDLE_FETCH_WAIT.toMillis()));
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaProperties kafka, KafkaRetryProperties retry,
			ObjectProvider<KafkaErrorHandlerCustomizer> customizers) {
		DefaultErrorHandler handler = DeadLetterErrorHandler.create(kafka, retry);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(handler));
		return handler;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnClass(MeterRegistry.class)
	ListenerFailureCount listenerFailureCount(MeterRegistry registry, KafkaListenerEndpointRegistry listeners,
			ObjectProvider<CommonErrorHandler> errorHandler) {
		ListenerFailureCount count = new ListenerFailureCount(registry, listeners);
		if (errorHandler.getIfUnique() instanceof FailedRecordProcessor handler) {
			handler.setRetryListeners(count);
		}
		return count;
	}

}
