package com.rvssl.kit.kafka;

import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * A service's hook into the kit's error handler, typically to name the exceptions that
 * can never succeed on a retry ({@link DefaultErrorHandler#addNotRetryableExceptions})
 * and so go to the dead-letter topic at once.
 */
@FunctionalInterface
public interface KafkaErrorHandlerCustomizer {

	void customize(DefaultErrorHandler errorHandler);

}
