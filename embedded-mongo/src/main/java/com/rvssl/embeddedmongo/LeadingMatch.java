package com.rvssl.embeddedmongo;

import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets an aggregation that starts with a {@code $match} (a count, a grouped gauge) read
 * its collection through the indexes: mongo-java-server hands every aggregation the whole
 * collection and filters it in the {@code $match} stage. While the database runs such an
 * aggregation on this thread, the collection it reads yields only the documents the
 * filter's query would, found as a find would find them; the stage still filters them,
 * which changes nothing. Only filters of plain field conditions are taken: an
 * {@code $expr} may use the pipeline's variables, which a find does not know.
 */
final class LeadingMatch {

	private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

	private LeadingMatch() {
	}

	/**
	 * Runs {@code command} with the leading filter of {@code pipeline} for that
	 * collection.
	 */
	static <T> T during(String collection, Object pipeline, Supplier<T> command) {
		Document filter = leadingFilter(pipeline);
		if (filter == null) {
			return command.get();
		}
		Scope outer = CURRENT.get();
		CURRENT.set(new Scope(collection, filter));
		try {
			return command.get();
		}
		finally {
			CURRENT.set(outer);
		}
	}

	/** The filter the collection may apply when the aggregation asks for all of it. */
	static Document filterFor(String collection) {
		Scope scope = CURRENT.get();
		return (scope != null && scope.collection().equals(collection)) ? scope.filter() : null;
	}

	private static Document leadingFilter(Object pipeline) {
		if (!(pipeline instanceof List<?> stages) || stages.isEmpty()
				|| !(stages.get(0) instanceof Document first && first.size() == 1)
				|| !(first.get("$match") instanceof Document filter) || filter.isEmpty()) {
			return null;
		}
		boolean plainFields = filter.keySet().stream().noneMatch((field) -> field.startsWith("$"));
		return plainFields ? filter : null;
	}

	private record Scope(String collection, Document filter) {
	}

}
