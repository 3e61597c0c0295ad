package com.rvssl.gateway.metrics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.rvssl.contracts.Topics;

import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Counts records this service published to a dead-letter topic ({@code rvssl.kafka.dead.letters},
 * tagged by that topic). The error handler calls {@code recovered} only after its
 * DeadLetterPublishingRecoverer returned, which waits for the broker's acknowledgement and throws
 * when the publication failed: so only real publications are counted. The counters of the topics
 * this service reads start at 0, so that {@code increase()} sees the first dead letter.
 */
@Component
class DeadLetterCount implements RetryListener {

	private final MeterRegistry registry;

	DeadLetterCount(CommonErrorHandler errorHandler, MeterRegistry registry) {
		this.registry = registry;
		counter(Topics.deadLetterOf(Topics.ORDERS));
		counter(Topics.deadLetterOf(Topics.ACCOUNTS));
		if (errorHandler instanceof FailedRecordProcessor handler) {
			handler.setRetryListeners(this);
		}
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
		// a retry in place is not a dead letter
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
		counter(Topics.deadLetterOf(record.topic())).increment();
	}

	private Counter counter(String deadLetterTopic) {
		return Counter.builder("rvssl.kafka.dead.letters")
			.description("Records published to a dead-letter topic after their retries")
			.tag("topic", deadLetterTopic)
			.register(registry);
	}

}
