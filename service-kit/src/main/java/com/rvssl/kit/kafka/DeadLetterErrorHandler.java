package com.rvssl.kit.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.kafka.EventSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Builds the one error handler of a service's listeners: blocking retries with an
 * exponential back-off, replayed from the records the container holds (no seek), then the
 * record goes to {@code <topic>-dlt} on the same partition. A record that failed on a
 * transient failure (see {@link TransientFailures}) is retried until it heals instead,
 * its waits growing to {@code rvssl.kafka.retry.transient-max-interval}: an outage delays
 * events, it never dead-letters them. The dead-letter producer is built from Boot's
 * {@link KafkaProperties}, so it keeps the service's TLS and SASL settings, and writes
 * both events and the raw bytes of records that never were events.
 */
public final class DeadLetterErrorHandler {

	private DeadLetterErrorHandler() {
	}

	public static DefaultErrorHandler create(KafkaProperties kafka, KafkaRetryProperties retry) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate(kafka),
				(record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(retry));
		handler.setBackOffFunction(
				(record, failure) -> TransientFailures.isTransient(failure) ? untilItHeals(retry) : null);
		// the container keeps the failed record and those after it and hands them back
		// after the back-off; a seek would fetch them again, behind the fetch the broker
		// holds for the idle wait (2 s), so each retry took seconds whatever the back-off
		handler.setSeekAfterError(false);
		return handler;
	}

	static ExponentialBackOff untilItHeals(KafkaRetryProperties retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.transientMaxInterval().toMillis());
		return backOff;
	}

	static ExponentialBackOff backOff(KafkaRetryProperties retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxElapsedTime(retry.maxElapsedTime().toMillis());
		return backOff;
	}

	// not a bean: a KafkaTemplate bean would replace Boot's own
	private static KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
		Map<Class<?>, Serializer<?>> values = new LinkedHashMap<>();
		values.put(byte[].class, new ByteArraySerializer());
		values.put(EventEnvelope.class, new EventSerializer());
		values.put(String.class, new StringSerializer());
		DelegatingByTypeSerializer keys = new DelegatingByTypeSerializer(
				Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer()));
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), keys,
				new DelegatingByTypeSerializer(values, true)));
	}

}
