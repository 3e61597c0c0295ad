package com.rvssl.embeddedmongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A compound secondary index kept in key order, as a B-tree index is on a real MongoDB:
 * it answers a filter with equality on its leading fields and at most one range after
 * them (e.g. {@code {state: "OUTSTANDING", nextCheckAt: {$lte: now}}}) from that slice of
 * its entries, in the index's order, so a sort on the following fields with a limit stops
 * after the limit instead of matching and sorting the whole collection.
 *
 * <p>
 * The slice may hold more than the filter matches (other types within the bounds, null
 * beside missing): the collection matches every document it yields, so it must only never
 * miss one. A document with an array in an indexed field makes the index multikey; it
 * then answers nothing (the collection scans), as the index of one value per document it
 * is would miss the array's other elements.
 */
final class OrderedIndex<P> extends Index<P> {

	private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

	// an $in of more values than this (times the other fields' values) is left to a scan
	private static final int MAX_SLICES = 64;

	private final List<Comparator<Object>> directions;

	private final ConcurrentSkipListMap<Key, P> entries;

	private volatile boolean multikey;

	OrderedIndex(String name, List<IndexKey> keys) {
		// sparse to the collection: a multikey index holds no entries, which the
		// collection must accept when it removes a document
		super(name, keys, true);
		this.directions = keys.stream()
			.map((key) -> key.isAscending() ? (Comparator<Object>) ValueComparator.asc() : ValueComparator.desc())
			.toList();
		this.entries = new ConcurrentSkipListMap<>(this::compare);
	}

	/**
	 * The walk that answers {@code query}, or null when its leading field has neither an
	 * equality ({@code $in} too) nor a range condition here (or the index is multikey).
	 */
	Walk<P> walk(Document query) {
		if (multikey) {
			return null;
		}
		// one prefix per combination of the values the leading fields may equal
		List<List<Object>> prefixes = List.of(List.of());
		int fixed = 0;
		Map<String, Object> range = null;
		for (IndexKey key : getKeys()) {
			Object condition = query.get(key.getKey());
			Collection<Object> equal = equalValues(condition, query.containsKey(key.getKey()));
			if (equal != null && prefixes.size() * equal.size() <= MAX_SLICES) {
				prefixes = extended(prefixes, equal);
				fixed++;
				continue;
			}
			if (isRange(condition)) {
				range = (Document) condition;
			}
			break;
		}
		if (fixed == 0 && range == null) {
			return null;
		}
		List<NavigableMap<Key, P>> slices = new ArrayList<>(prefixes.size());
		for (List<Object> prefix : prefixes) {
			slices.add(slice(prefix, range));
		}
		return new Walk<>(slices, fixed);
	}

	private NavigableMap<Key, P> slice(List<Object> prefix, Map<String, Object> range) {
		Key from = new Key(prefix, null, Key.BEFORE);
		Key to = new Key(prefix, null, Key.AFTER);
		if (range != null) {
			boolean ascending = getKeys().get(prefix.size()).isAscending();
			Key lower = lowerBound(prefix, range);
			Key upper = upperBound(prefix, range);
			from = ascending ? orElse(lower, from) : orElse(upper == null ? null : upper.flipped(), from);
			to = ascending ? orElse(upper, to) : orElse(lower == null ? null : lower.flipped(), to);
		}
		return (compare(from, to) > 0) ? new ConcurrentSkipListMap<>(this::compare)
				: entries.subMap(from, true, to, true);
	}

	private static List<List<Object>> extended(List<List<Object>> prefixes, Collection<Object> values) {
		List<List<Object>> longer = new ArrayList<>(prefixes.size() * values.size());
		for (List<Object> prefix : prefixes) {
			for (Object value : values) {
				List<Object> next = new ArrayList<>(prefix);
				next.add(value);
				longer.add(next);
			}
		}
		return longer;
	}

	/**
	 * The way to walk this index that yields the documents in {@code orderBy}'s order,
	 * given {@code fixed} leading fields pinned to one value by the filter, or null when
	 * neither does: the sort's fields, less the fixed ones, must be the index's next
	 * fields, each in the index's direction (or each reversed).
	 */
	Direction direction(Document orderBy, int fixed) {
		List<IndexKey> keys = getKeys();
		List<String> fixedFields = keys.subList(0, fixed).stream().map(IndexKey::getKey).toList();
		int next = fixed;
		Boolean reversed = null;
		for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
			if (fixedFields.contains(sort.getKey())) {
				continue;
			}
			if (next >= keys.size() || !keys.get(next).getKey().equals(sort.getKey())
					|| !(sort.getValue() instanceof Number direction)) {
				return null;
			}
			boolean ascending = direction.intValue() > 0;
			boolean opposite = ascending != keys.get(next).isAscending();
			if (reversed != null && reversed != opposite) {
				return null;
			}
			reversed = opposite;
			next++;
		}
		return Boolean.TRUE.equals(reversed) ? Direction.BACKWARD : Direction.FORWARD;
	}

	private Key lowerBound(List<Object> prefix, Map<String, Object> range) {
		if (range.containsKey("$gte")) {
			return bound(prefix, range.get("$gte"), Key.BEFORE);
		}
		if (range.containsKey("$gt")) {
			return bound(prefix, range.get("$gt"), Key.AFTER);
		}
		return null;
	}

	private Key upperBound(List<Object> prefix, Map<String, Object> range) {
		if (range.containsKey("$lte")) {
			return bound(prefix, range.get("$lte"), Key.AFTER);
		}
		if (range.containsKey("$lt")) {
			return bound(prefix, range.get("$lt"), Key.BEFORE);
		}
		return null;
	}

	private static Key bound(List<Object> prefix, Object value, int side) {
		List<Object> values = new ArrayList<>(prefix);
		values.add(normalized(value));
		return new Key(values, null, side);
	}

	private static Key orElse(Key key, Key otherwise) {
		return (key != null) ? key : otherwise;
	}

	// the values a condition requires one of, normalized and each once: a value the
	// index looks up as it is (the same as IdPin's: no null, which also matches a
	// missing field, no array, sub-document or pattern), alone, after $eq or in $in
	private static Collection<Object> equalValues(Object condition, boolean present) {
		if (!present) {
			return null;
		}
		List<?> values;
		if (condition instanceof Document operators && operators.keySet().stream().anyMatch((k) -> k.startsWith("$"))) {
			if (operators.size() != 1) {
				return null;
			}
			Object operand = operators.values().iterator().next();
			if (operators.containsKey("$eq")) {
				values = List.of(operand);
			}
			else if (operators.containsKey("$in") && operand instanceof List<?> list) {
				values = list;
			}
			else {
				return null;
			}
		}
		else {
			values = Collections.singletonList(condition);
		}
		if (!values.stream().allMatch(OrderedIndex::isPlainValue)) {
			return null;
		}
		Collection<Object> distinct = new TreeSet<>(ValueComparator.asc());
		values.forEach((value) -> distinct.add(normalized(value)));
		return distinct;
	}

	private static boolean isRange(Object condition) {
		return condition instanceof Document operators && !operators.isEmpty()
				&& RANGE_OPERATORS.containsAll(operators.keySet())
				&& operators.values().stream().allMatch(OrderedIndex::isPlainValue);
	}

	private static boolean isPlainValue(Object value) {
		return value != null && !(value instanceof Collection) && !(value instanceof Map)
				&& !BsonRegularExpression.isRegularExpression(value);
	}

	private static Object normalized(Object value) {
		return new KeyValue(value).normalized().get(0);
	}

	// the document's entry, or null when an indexed field holds an array (multikey)
	private Key key(Document document) {
		List<Object> values = new ArrayList<>(getKeys().size());
		for (IndexKey key : getKeys()) {
			Object value = Utils.getSubdocumentValueCollectionAware(document, key.getKey());
			if (value instanceof Collection) {
				return null;
			}
			values.add(normalized(value));
		}
		return new Key(values, normalized(document.get("_id")), Key.ENTRY);
	}

	private int compare(Key a, Key b) {
		int common = Math.min(a.values().size(), b.values().size());
		for (int i = 0; i < common; i++) {
			int cmp = directions.get(i).compare(a.values().get(i), b.values().get(i));
			if (cmp != 0) {
				return cmp;
			}
		}
		// a bound sorts before (or after) every key it is a prefix of; entries have every
		// field, so the shorter of two keys is a bound
		if (a.values().size() != b.values().size()) {
			return (a.values().size() < b.values().size()) ? a.side() : -b.side();
		}
		if (a.side() != Key.ENTRY || b.side() != Key.ENTRY) {
			return Integer.compare(a.side(), b.side());
		}
		return ValueComparator.asc().compare(a.id(), b.id());
	}

	@Override
	public P getPosition(Document document) {
		Key key = key(document);
		return (key != null) ? entries.get(key) : null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// not unique: nothing to check
	}

	@Override
	public void add(Document document, P position, MongoCollection<P> collection) {
		if (multikey) {
			return;
		}
		Key key = key(document);
		if (key == null) {
			// from now on this index answers nothing: free what it holds
			multikey = true;
			entries.clear();
			return;
		}
		entries.put(key, position);
	}

	@Override
	public P remove(Document document) {
		Key key = key(document);
		return (key != null) ? entries.remove(key) : null;
	}

	@Override
	public boolean canHandle(Document query) {
		return walk(query) != null;
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		return walk(query).positions(Direction.FORWARD);
	}

	@Override
	public long getCount() {
		return entries.size();
	}

	@Override
	public boolean isEmpty() {
		// answered by the index itself, not by its count: a multikey index is empty but
		// must not be filled again
		return entries.isEmpty() && !multikey;
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
	public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
		remove(oldDocument);
		add(newDocument, position, collection);
	}

	@Override
	public void drop() {
		entries.clear();
		multikey = false;
	}

	/** Which way to walk the index. */
	enum Direction {

		FORWARD, BACKWARD

	}

	/**
	 * An entry (a document's indexed values and its {@code _id}) or a bound (leading
	 * values only, sorting before or after every entry that starts with them).
	 */
	record Key(List<Object> values, Object id, int side) {

		static final int BEFORE = -1;

		static final int ENTRY = 0;

		static final int AFTER = 1;

		Key flipped() {
			return new Key(values, id, -side);
		}

	}

	/**
	 * The slices of the index that answer a filter, one per combination of the values its
	 * leading fields may equal, each in index order, and the number of those fields.
	 */
	record Walk<P>(List<NavigableMap<Key, P>> slices, int fixed) {

		/**
		 * The positions of the slices one after the other, each walked in
		 * {@code direction}: in the index's order only when there is one slice.
		 */
		Iterable<P> positions(Direction direction) {
			List<Collection<P>> walked = slices.stream()
				.map((slice) -> (direction == Direction.BACKWARD) ? slice.descendingMap().values() : slice.values())
				.toList();
			// an iterator of its own, not a flatMap'd stream's: pulled one at a time, the
			// stream pushes a whole slice into its buffer (Java 17), so a walk stopped at
			// a limit still read every entry of its slice
			return () -> new Iterator<>() {

				private final Iterator<Collection<P>> rest = walked.iterator();

				private Iterator<P> current = Collections.emptyIterator();

				@Override
				public boolean hasNext() {
					while (!current.hasNext() && rest.hasNext()) {
						current = rest.next().iterator();
					}
					return current.hasNext();
				}

				@Override
				public P next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					return current.next();
				}

			};
		}

	}

}
