package com.rvssl.embeddedmongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;

/**
 * The secondary indexes the backends keep: one field's {@link ExistsIndex}, several
 * fields' {@link OrderedIndex}.
 */
final class SecondaryIndexes {

	private SecondaryIndexes() {
	}

	static <P> Index<P> create(String indexName, List<IndexKey> keys) {
		if (keys.size() == 1) {
			return new ExistsIndex<>(indexName, keys.get(0));
		}
		return new OrderedIndex<>(indexName, keys);
	}

}
