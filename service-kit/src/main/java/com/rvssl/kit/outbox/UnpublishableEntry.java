package com.rvssl.kit.outbox;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * An outbox entry that no retry can publish: its envelope cannot be read, or the broker
 * refuses the record for good. Anything else (the broker away, a time-out) is worth
 * trying again and keeps the entry where it is.
 */
class UnpublishableEntry extends RuntimeException {

	UnpublishableEntry(String message, Throwable cause) {
		super(message, cause);
	}

	static boolean isCause(Throwable failure) {
		return reason(failure) != null;
	}

	/** The cause that makes the entry unpublishable, or null when a retry may succeed. */
	static Throwable reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnpublishableEntry || cause instanceof RecordTooLargeException
					|| cause instanceof SerializationException || cause instanceof InvalidTopicException) {
				return cause;
			}
		}
		return null;
	}

}
