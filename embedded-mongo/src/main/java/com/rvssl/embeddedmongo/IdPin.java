package com.rvssl.embeddedmongo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds in a filter the condition that pins {@code _id} to one value or a list of values:
 * a top-level {@code _id} equal to a value ({@code x} or {@code {$eq: x}}) or in a list
 * ({@code {$in: [...]}}), or such a condition inside a top-level {@code $and}. Every
 * document the filter matches then satisfies it, so the documents it names are the only
 * ones the filter needs to be matched against.
 */
final class IdPin {

	private IdPin() {
	}

	/**
	 * The lookup to ask the {@code _id} index, as a filter on {@code _id} alone the index
	 * answers ({@code {_id: x}} or {@code {_id: {$in: [...]}}}), or null when the filter
	 * pins no {@code _id}.
	 */
	static Document lookup(Document filter, String idField) {
		if (idField == null) {
			return null;
		}
		Document pinned = pin(idField, filter.get(idField), filter.containsKey(idField));
		if (pinned != null) {
			return pinned;
		}
		if (filter.get("$and") instanceof List<?> conditions) {
			for (Object condition : conditions) {
				if (condition instanceof Document document) {
					Document inner = lookup(document, idField);
					if (inner != null) {
						return inner;
					}
				}
			}
		}
		return null;
	}

	/**
	 * The positions of the documents the filter can match, from the collection's
	 * {@code _id} index, or null when the filter pins no {@code _id} (or there is no such
	 * index).
	 */
	static <P> Iterable<P> positions(List<Index<P>> indexes, String idField, Document filter) {
		Document lookup = lookup(filter, idField);
		if (lookup == null) {
			return null;
		}
		for (Index<P> index : indexes) {
			if (index.isUnique() && index.getKeys().size() == 1 && idField.equals(index.getKeys().get(0).getKey())
					&& index.canHandle(lookup)) {
				return index.getPositions(lookup);
			}
		}
		return null;
	}

	private static Document pin(String idField, Object condition, boolean present) {
		if (!present) {
			return null;
		}
		if (condition instanceof Document operators && isOperatorDocument(operators)) {
			if (operators.size() != 1) {
				return null;
			}
			Object operand = operators.values().iterator().next();
			if (operators.containsKey("$eq") && isPlainValue(operand)) {
				return new Document(idField, operand);
			}
			if (operators.containsKey("$in") && operand instanceof Collection<?> values
					&& values.stream().allMatch(IdPin::isPlainValue)) {
				return new Document(idField, new Document("$in", List.copyOf(values)));
			}
			return null;
		}
		return isPlainValue(condition) ? new Document(idField, condition) : null;
	}

	// a value the index looks up as it is: no regular expression (a pattern, not a
	// value), no array (its elements, not itself), no sub-document (compared by field
	// order), no null (which also matches a missing field)
	private static boolean isPlainValue(Object value) {
		return value != null && !(value instanceof Collection) && !(value instanceof Map)
				&& !BsonRegularExpression.isRegularExpression(value);
	}

	private static boolean isOperatorDocument(Document document) {
		Set<String> keys = document.keySet();
		return !keys.isEmpty() && keys.stream().anyMatch((key) -> key.startsWith("$"));
	}

}
