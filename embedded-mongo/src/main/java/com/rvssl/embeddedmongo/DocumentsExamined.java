package com.rvssl.embeddedmongo;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many documents a backend matched against a filter since it started: the work of its
 * queries, counted without a clock. A query that pins {@code _id} examines the documents
 * it names; a scan examines the whole collection.
 */
public final class DocumentsExamined {

	private final LongAdder count = new LongAdder();

	void add() {
		count.increment();
	}

	public long count() {
		return count.sum();
	}

}
