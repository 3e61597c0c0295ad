package com.rvssl.embeddedmongo;

import java.util.List;

import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

class IndexedH2Database extends H2Database {

	// the names H2Database gives a collection's maps in the store: the same, so that a
	// data file written by the stock backend opens here and the other way round
	private static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	// the super constructor opens the collections already in the file, before this
	// class's fields are set: they find the store and the counter here
	private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

	private final Opening opening;

	IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry, DocumentsExamined examined) {
		super(databaseName, opening(store, examined), cursorRegistry);
		this.opening = OPENING.get();
		OPENING.remove();
	}

	private static MVStore opening(MVStore store, DocumentsExamined examined) {
		OPENING.set(new Opening(store, examined));
		return store;
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		Opening current = (opening != null) ? opening : OPENING.get();
		String fullName = getFullCollectionNamespace(collectionName);
		MVMap<Object, Document> data = current.store().openMap(DATA_PREFIX + fullName);
		MVMap<String, Object> meta = current.store().openMap(META_PREFIX + fullName);
		return new IndexedH2Collection(this, collectionName, options, data, meta, cursorRegistry, current.examined());
	}

	private record Opening(MVStore store, DocumentsExamined examined) {
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return SecondaryIndexes.create(indexName, keys);
	}

	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
			Oplog oplog) {
		if (!"aggregate".equalsIgnoreCase(command)) {
			return super.handleCommand(channel, command, query, databaseResolver, oplog);
		}
		return LeadingMatch.during(getFullCollectionNamespace(String.valueOf(query.get(command))),
				query.get("pipeline"), () -> super.handleCommand(channel, command, query, databaseResolver, oplog));
	}

}
