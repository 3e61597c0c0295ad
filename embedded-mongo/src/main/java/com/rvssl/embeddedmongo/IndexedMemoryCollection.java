package com.rvssl.embeddedmongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The in-memory collection, answering a filter that pins {@code _id} through its index.
 */
class IndexedMemoryCollection extends MemoryCollection {

	private final DocumentsExamined examined;

	IndexedMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
			CursorRegistry cursorRegistry, DocumentsExamined examined) {
		super(database, collectionName, options, cursorRegistry);
		this.examined = examined;
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		Iterable<Integer> pinned = IdPin.positions(getIndexes(), getIdField(), query);
		if (pinned != null) {
			return matchDocuments(query, pinned, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	@Override
	protected boolean documentMatchesQuery(Document document, Document query) {
		examined.add();
		return super.documentMatchesQuery(document, query);
	}

}
