package com.rvssl.embeddedmongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** A wire server on a free port with one backend, and a client of it. */
final class WireServers implements AutoCloseable {

	private final MongoServer server;

	private final MongoClient client;

	WireServers(MongoBackend backend) {
		this.server = new MongoServer(backend);
		this.server.bind("127.0.0.1", 0);
		this.client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
	}

	MongoDatabase database(String name) {
		return client.getDatabase(name);
	}

	@Override
	public void close() {
		client.close();
		server.shutdownNow();
	}

}
