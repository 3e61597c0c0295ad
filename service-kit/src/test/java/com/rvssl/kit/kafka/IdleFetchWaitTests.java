package com.rvssl.kit.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service's consumers let the broker hold an empty fetch for
 * {@link KafkaKitAutoConfiguration#IDLE_FETCH_WAIT}, unless the service sets its own.
 */
class IdleFetchWaitTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaKitAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void consumersWaitLongOnAnEmptyFetch() {
		context.run((app) -> assertThat(app.getBean(ConsumerFactory.class).getConfigurationProperties())
			.containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 2_000));
	}

	@Test
	void aServiceKeepsTheWaitItSets() {
		context.withPropertyValues("spring.kafka.consumer.fetch-max-wait=750ms")
			.run((app) -> assertThat(app.getBean(ConsumerFactory.class).getConfigurationProperties())
				.containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 750));
	}

}
