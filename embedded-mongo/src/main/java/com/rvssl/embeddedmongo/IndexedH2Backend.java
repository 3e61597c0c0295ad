package com.rvssl.embeddedmongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The H2 backend (its databases kept in one file, surviving a restart) whose collections
 * answer a filter that pins {@code _id} through the {@code _id} index and {@code {field:
 * {$exists: true}}} through a one-field secondary index. It reads and writes the same
 * file layout as the stock backend.
 */
public class IndexedH2Backend extends H2Backend {

	// the super constructor opens the databases already in the file, before fields are
	// initialised: set lazily, and without an initialiser that would then reset it
	private DocumentsExamined examined;

	public IndexedH2Backend(String fileName) {
		super(fileName);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry(), documentsExamined());
	}

	/** How many documents the queries of every database examined so far. */
	public synchronized DocumentsExamined documentsExamined() {
		if (examined == null) {
			examined = new DocumentsExamined();
		}
		return examined;
	}

}
