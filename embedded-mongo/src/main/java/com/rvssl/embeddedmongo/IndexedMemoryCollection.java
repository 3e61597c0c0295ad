package com.rvssl.embeddedmongo;

import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The in-memory collection, answering a filter that pins {@code _id} through its index, a
 * filter that requires a sparse field through that field's {@link ExistsIndex}, and a
 * sorted filter that an {@link OrderedIndex} answers in order. Its answers are copies
 * taken under its lock ({@link AnswerCopies}).
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
		Iterable<Integer> marked = ExistsIndex.positions(getIndexes(), query);
		if (marked != null) {
			return matchDocuments(query, marked, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		Iterable<Integer> sorted = SortedWalk.positions(getIndexes(), query, orderBy);
		if (sorted != null) {
			// already in order: matched as they come, up to the limit
			Stream<Document> documents = StreamSupport.stream(sorted.spliterator(), false).map(this::getDocument);
			return matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, null, fieldSelector);
		}
		return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	@Override
	public Stream<Document> queryAllAsStream() {
		Document filter = LeadingMatch.filterFor(getFullName());
		Iterable<Document> documents = (filter != null) ? handleQuery(filter) : queryAll();
		return StreamSupport.stream(documents.spliterator(), false);
	}

	@Override
	protected boolean documentMatchesQuery(Document document, Document query) {
		examined.add(getFullName());
		return super.documentMatchesQuery(document, query);
	}

	@Override
	protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
		return super.createQueryResult(AnswerCopies.of(matchedDocuments), batchSize);
	}

	@Override
	public synchronized Document findAndModify(Document query) {
		return AnswerCopies.withValueCopied(AnswerCopies.writing(() -> super.findAndModify(query)));
	}

	@Override
	public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
			boolean isMulti, boolean isUpsert, Oplog oplog) {
		return AnswerCopies
			.writing(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
	}

	@Override
	public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
		return AnswerCopies.writing(() -> super.deleteDocuments(selector, limit, oplog));
	}

	// the stock count reads the documents without the lock, while writes change them
	@Override
	public synchronized int count(Document query, int skip, int limit) {
		return super.count(query, skip, limit);
	}

}
