package com.rvssl.embeddedmongo;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The in-memory backend whose collections answer a filter that pins {@code _id} through
 * the {@code _id} index and {@code {field: {$exists: true}}} through a one-field
 * secondary index.
 */
public class IndexedMemoryBackend extends MemoryBackend {

	private final DocumentsExamined examined = new DocumentsExamined();

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new IndexedMemoryDatabase(databaseName, getCursorRegistry(), examined);
	}

	/** How many documents the queries of every database examined so far. */
	public DocumentsExamined documentsExamined() {
		return examined;
	}

}
