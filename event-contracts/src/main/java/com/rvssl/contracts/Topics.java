package com.rvssl.contracts;

/**
 * The Kafka topics. One topic per aggregate so that every event of an order, whoever
 * produced it, is totally ordered by its key: {@link #ORDERS} is keyed by order id,
 * {@link #ACCOUNTS} (events with no order) by reseller id. Each has a dead-letter topic
 * with the same partition count.
 */
public final class Topics {

	public static final String ORDERS = "rvssl.orders";

	public static final String ACCOUNTS = "rvssl.accounts";

	/** Enough to spread a busy reseller base over several consumers per service. */
	public static final int PARTITIONS = 12;

	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	private Topics() {
	}

	public static String deadLetterOf(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
