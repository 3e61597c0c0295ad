package com.rvssl.kit.kafka;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Runs a batch listener's work so that the kit's error handler treats each record as it
 * treats a record listener's: a record that fails, or could not be read, is named by its
 * index in a {@link BatchListenerFailedException}. The records before it are committed,
 * it is retried with its own back-off (until it heals, for a transient failure) and then
 * dead-lettered, and the records after it come again. Any other failure would replay the
 * whole poll and, once its retries ran out, dead-letter every record in it.
 */
public final class PollRecords {

	private static final LogAccessor log = new LogAccessor(PollRecords.class);

	private PollRecords() {
	}

	/**
	 * Work for the whole poll before its first record (say, one read of what its records
	 * concern): a failure counts as the first record's.
	 */
	public static <T> T first(List<? extends ConsumerRecord<?, ?>> records, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (RuntimeException failure) {
			throw new BatchListenerFailedException("reading for the poll: " + failure.getMessage(), failure, 0);
		}
	}

	/** Hands each record's value to {@code handler}, one after the other, in order. */
	public static <V> void each(List<? extends ConsumerRecord<?, V>> records, Consumer<V> handler) {
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<?, V> record = records.get(index);
			try {
				handler.accept(valueOf(record));
			}
			catch (RuntimeException failure) {
				// the failure's own words lead the dead letter's exception header
				throw new BatchListenerFailedException(
						record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + failure.getMessage(),
						failure, index);
			}
		}
	}

	// an unreadable record comes with no value and the deserializer's failure in a
	// header, which the dead-letter publisher also reads for the record's raw bytes
	private static <V> V valueOf(ConsumerRecord<?, V> record) {
		if (record.value() != null) {
			return record.value();
		}
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
		throw (unreadable != null) ? unreadable : new IllegalArgumentException("a record without a value");
	}

}
