package com.rvssl.embeddedmongo;

import java.util.List;

import io.netty.channel.Channel;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

class IndexedMemoryDatabase extends MemoryDatabase {

	private final DocumentsExamined examined;

	IndexedMemoryDatabase(String databaseName, CursorRegistry cursorRegistry, DocumentsExamined examined) {
		super(databaseName, cursorRegistry);
		this.examined = examined;
	}

	@Override
	protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
		// called by the super constructor for the system collections, before examined is
		// set: those are never queried on a hot path, and get a counter of their own
		return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry,
				(examined != null) ? examined : new DocumentsExamined());
	}

	@Override
	protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
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
