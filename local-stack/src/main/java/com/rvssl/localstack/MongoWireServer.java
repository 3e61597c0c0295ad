package com.rvssl.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

import com.rvssl.embeddedmongo.IndexedH2Backend;
import com.rvssl.embeddedmongo.IndexedMemoryBackend;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) the services reach over a real
 * socket. With a data directory it keeps its databases in an H2 file, so they survive a
 * restart; it has no transactions, which the services' one-document-per-change design
 * does not need. Its backends answer a filter that pins {@code _id} through the
 * {@code _id} index, so a conditional write costs the same however many orders there are.
 */
final class MongoWireServer implements AutoCloseable {

	private final MongoServer server;

	private final String uri;

	private MongoWireServer(MongoServer server, int port) {
		this.server = server;
		this.uri = "mongodb://127.0.0.1:" + port;
	}

	static MongoWireServer start(int port, Path dataDir) {
		MongoBackend backend;
		if (dataDir != null) {
			try {
				Files.createDirectories(dataDir);
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException("cannot create " + dataDir, ex);
			}
			backend = new IndexedH2Backend(dataDir.resolve("mongo.mv").toAbsolutePath().toString());
		}
		else {
			backend = new IndexedMemoryBackend();
		}
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		return new MongoWireServer(server, server.getLocalAddress().getPort());
	}

	/** The connection string of one database on this server. */
	String uri(String database) {
		return uri + "/" + database;
	}

	@Override
	public void close() {
		server.shutdown();
	}

}
