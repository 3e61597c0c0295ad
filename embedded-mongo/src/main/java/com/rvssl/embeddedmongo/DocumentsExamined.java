package com.rvssl.embeddedmongo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many documents a backend matched against a filter since it started: the work of its
 * queries, counted without a clock. A query that pins {@code _id} examines the documents
 * it names; a scan examines the whole collection.
 */
public final class DocumentsExamined {

	private final Map<String, LongAdder> byCollection = new ConcurrentHashMap<>();

	void add(String collection) {
		byCollection.computeIfAbsent(collection, (name) -> new LongAdder()).increment();
	}

	public long count() {
		return byCollection.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/**
	 * The count by collection ({@code database.collection}): which queries' work grows
	 * with their collection.
	 */
	public Map<String, Long> byCollection() {
		Map<String, Long> counts = new TreeMap<>();
		byCollection.forEach((collection, count) -> counts.put(collection, count.sum()));
		return counts;
	}

}
