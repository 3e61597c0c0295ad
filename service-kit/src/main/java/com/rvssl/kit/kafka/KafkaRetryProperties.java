package com.rvssl.kit.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a record that failed is retried in place before it goes to its dead-letter topic.
 * Retries block the partition, which keeps an order's events in order.
 *
 * @param initialInterval the wait before the first retry
 * @param multiplier how much each wait grows
 * @param maxInterval the longest single wait
 * @param maxElapsedTime how long a record is retried in all before it is dead-lettered
 * @param transientMaxInterval the longest single wait between retries of a record that
 * failed on a transient failure (database or broker away, a time-out), which is retried
 * until it heals and never dead-lettered
 */
@ConfigurationProperties("rvssl.kafka.retry")
public record KafkaRetryProperties(@DefaultValue("100ms") Duration initialInterval,
		@DefaultValue("2.0") double multiplier, @DefaultValue("1s") Duration maxInterval,
		@DefaultValue("3s") Duration maxElapsedTime, @DefaultValue("30s") Duration transientMaxInterval) {
}
