package com.rvssl.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.Channel;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;

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

	private static final String HOST = "127.0.0.1";

	private final Path dataDir;

	private final int port;

	private final String uri;

	// in memory: kept across a restart, as a real server keeps its disk
	private final KeptMemoryBackend memory;

	private volatile MongoServer server;

	private MongoWireServer(Path dataDir, MongoServer server, KeptMemoryBackend memory, int port) {
		this.dataDir = dataDir;
		this.server = server;
		this.memory = memory;
		this.port = port;
		this.uri = "mongodb://" + HOST + ":" + port;
	}

	static MongoWireServer start(int port, Path dataDir) {
		KeptMemoryBackend memory = (dataDir != null) ? null : new KeptMemoryBackend();
		MongoServer server = new MongoServer((memory != null) ? memory : h2(dataDir));
		server.bind(HOST, port);
		return new MongoWireServer(dataDir, server, memory, server.getLocalAddress().getPort());
	}

	private static MongoBackend h2(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("cannot create " + dataDir, ex);
		}
		return new IndexedH2Backend(dataDir.resolve("mongo.mv").toAbsolutePath().toString());
	}

	/** The connection string of one database on this server. */
	String uri(String database) {
		return uri + "/" + database;
	}

	/**
	 * An outage: the socket closed and every client connection dropped, then, after
	 * {@code down}, the same data served on the same port again.
	 */
	void restart(Duration down) {
		server.shutdownNow();
		Pause.sleep(down);
		MongoServer again = new MongoServer((memory != null) ? memory : h2(dataDir));
		again.bind(HOST, port);
		server = again;
	}

	/**
	 * Commands answered for one database since the stack started (round trips of its
	 * clients); empty when the data is kept on disk, whose backend does not count.
	 */
	Optional<Long> commands(String database) {
		return (memory != null) ? Optional.of(memory.commands(database)) : Optional.empty();
	}

	/**
	 * Commands answered so far by collection and command ({@code database.collection
	 * command}); empty on disk.
	 */
	Map<String, Long> commandKinds() {
		return (memory != null) ? memory.commandKinds() : Map.of();
	}

	/**
	 * Documents the queries have matched against a filter so far, by collection; empty on
	 * disk.
	 */
	Map<String, Long> documentsExamined() {
		return (memory != null) ? memory.documentsExamined().byCollection() : Map.of();
	}

	@Override
	public void close() {
		if (memory != null) {
			memory.closeForGood();
		}
		server.shutdown();
	}

	/**
	 * The in-memory backend, which the server closes on every shutdown: it keeps its
	 * databases until the stack closes for good.
	 */
	private static final class KeptMemoryBackend extends IndexedMemoryBackend {

		private volatile boolean closing;

		// by "database.collection command", e.g. "rvssl-billing.accounts findAndModify"
		private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();

		long commands(String database) {
			String prefix = database + ".";
			return kinds.entrySet()
				.stream()
				.filter((kind) -> kind.getKey().startsWith(prefix))
				.mapToLong((kind) -> kind.getValue().sum())
				.sum();
		}

		Map<String, Long> commandKinds() {
			Map<String, Long> counts = new TreeMap<>();
			kinds.forEach((kind, count) -> counts.put(kind, count.sum()));
			return counts;
		}

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			Object target = query.get(command);
			String collection = (target instanceof String name) ? name : String.valueOf(query.get("collection"));
			kinds.computeIfAbsent(database + "." + collection + " " + command, (kind) -> new LongAdder()).increment();
			return super.handleCommand(channel, database, command, query);
		}

		void closeForGood() {
			closing = true;
		}

		@Override
		public void close() {
			if (closing) {
				super.close();
			}
		}

	}

}
