package com.rvssl.embeddedmongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds the {@link OrderedIndex} whose walk answers a sorted query in its sort order, so
 * that the collection can match the documents as they come and stop at the limit instead
 * of matching and sorting all of them.
 */
final class SortedWalk {

	private SortedWalk() {
	}

	/**
	 * The positions of the documents {@code query} can match, in {@code orderBy}'s order,
	 * or null when no ordered index answers both.
	 */
	static <P> Iterable<P> positions(List<Index<P>> indexes, Document query, Document orderBy) {
		if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")) {
			return null;
		}
		for (Index<P> index : indexes) {
			if (index instanceof OrderedIndex<P> ordered) {
				OrderedIndex.Walk<P> walk = ordered.walk(query);
				// several slices ($in) come one after the other, not in the sort's order
				OrderedIndex.Direction direction = (walk != null && walk.slices().size() == 1)
						? ordered.direction(orderBy, walk.fixed()) : null;
				if (direction != null) {
					return walk.positions(direction);
				}
			}
		}
		return null;
	}

}
