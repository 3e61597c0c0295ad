package com.rvssl.embeddedmongo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A single-field secondary index that knows which documents have the field: it answers
 * the filters that require {@code {field: {$exists: true}}} or a range with a value on
 * the field (at the top or in a top-level {@code $and}), whatever else they ask, from the
 * documents that have it. That is the query a sparse or partial index on a field that is
 * present only while there is work (e.g. pending outbox entries) serves on a real
 * MongoDB; mongo-java-server itself ignores secondary indexes.
 */
final class ExistsIndex<P> extends Index<P> {

	private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

	private final String field;

	private final Document exists;

	private final DefaultQueryMatcher matcher = new DefaultQueryMatcher();

	// by the document's normalised _id, in the order the documents came in
	private final Map<KeyValue, P> positions = new LinkedHashMap<>();

	ExistsIndex(String name, IndexKey key) {
		// sparse: a document without the field has no entry here, which the collection
		// must accept when it removes one
		super(name, List.of(key), true);
		this.field = key.getKey();
		this.exists = new Document(field, new Document("$exists", true));
	}

	private static KeyValue id(Document document) {
		return new KeyValue(document.get("_id")).normalized();
	}

	private boolean covers(Document document) {
		synchronized (matcher) {
			return matcher.matches(document, exists);
		}
	}

	@Override
	public synchronized P getPosition(Document document) {
		return positions.get(id(document));
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// not unique: nothing to check
	}

	@Override
	public synchronized void add(Document document, P position, MongoCollection<P> collection) {
		if (covers(document)) {
			positions.put(id(document), position);
		}
	}

	@Override
	public synchronized P remove(Document document) {
		return positions.remove(id(document));
	}

	@Override
	public boolean canHandle(Document query) {
		return requiresField(query);
	}

	/**
	 * The positions of the documents {@code query} can match from the first of
	 * {@code indexes} that is an exists index requiring its field, or null when none is.
	 * Asked before any other secondary index: the field of such an index is present only
	 * while there is work, so its documents are few where a compound index's slice (of a
	 * state, say) may hold every document ever written.
	 */
	static <P> Iterable<P> positions(List<Index<P>> indexes, Document query) {
		for (Index<P> index : indexes) {
			if (index instanceof ExistsIndex<P> marked && marked.canHandle(query)) {
				return marked.getPositions(query);
			}
		}
		return null;
	}

	private boolean requiresField(Document query) {
		if (exists.get(field).equals(query.get(field)) || isBoundedRange(query.get(field))) {
			return true;
		}
		if (query.get("$and") instanceof List<?> conditions) {
			return conditions.stream()
				.anyMatch((condition) -> condition instanceof Document document && requiresField(document));
		}
		return false;
	}

	// a range with a value ({$lte: now}) matches only documents that have the field, as
	// a range on a missing field matches nothing; a null bound would match it
	private static boolean isBoundedRange(Object condition) {
		if (!(condition instanceof Document operators) || operators.isEmpty()) {
			return false;
		}
		return operators.entrySet()
			.stream()
			.anyMatch((operator) -> RANGE_OPERATORS.contains(operator.getKey()) && operator.getValue() != null)
				&& operators.keySet().stream().allMatch((operator) -> operator.startsWith("$"));
	}

	@Override
	public synchronized Iterable<P> getPositions(Document query) {
		return new ArrayList<>(positions.values());
	}

	@Override
	public synchronized long getCount() {
		return positions.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		// not unique: nothing to check
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
			MongoCollection<P> collection) {
		positions.remove(id(oldDocument));
		add(newDocument, position, collection);
	}

	@Override
	public synchronized void drop() {
		positions.clear();
	}

}
