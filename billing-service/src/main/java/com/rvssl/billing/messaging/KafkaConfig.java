package com.rvssl.billing.messaging;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.charging.CurrencyMismatchException;
import com.rvssl.billing.charging.UnknownResellerException;
import com.rvssl.kit.kafka.KafkaErrorHandlerCustomizer;
import com.rvssl.kit.outbox.OutboxCollection;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What billing adds to the service kit's Kafka: the topics, the retries and the
 * dead-letter topic come from the kit; the accounts' outboxes are published by the kit's
 * relay.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	@Bean
	OutboxCollection accountsOutbox() {
		return OutboxCollection.named(Account.COLLECTION);
	}

	/**
	 * No retry can pay an order of a reseller billing does not know, or in another
	 * currency than the account's.
	 */
	@Bean
	KafkaErrorHandlerCustomizer refusedOrdersAreNotRetried() {
		return (handler) -> handler.addNotRetryableExceptions(UnknownResellerException.class,
				CurrencyMismatchException.class);
	}

	/**
	 * The order-status projection's listener: configured like Boot's, but handed whole
	 * polls, and a poll that cannot be applied is applied again until it can (the
	 * database is back) rather than dead-lettered; the projection applies each event
	 * once, so a poll applied again changes only what it had not.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> orderStatusListenerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		factory
			.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
		return factory;
	}

}
