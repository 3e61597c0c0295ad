package com.rvssl.kit.test;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/**
 * A client of the shared MongoDB wire server, on a database of its own, that counts the
 * commands it sends by name ({@code find}, {@code update}, ...): what a piece of work
 * costs in round trips, told without a clock and unaffected by anything else the tests
 * run on the server.
 */
public final class CountedCommands implements AutoCloseable {

	private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

	private final MongoClient client;

	private CountedCommands(String database) {
		CommandListener counting = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				sent.computeIfAbsent(event.getCommandName(), (name) -> new AtomicInteger()).incrementAndGet();
			}
		};
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri(database)))
			.addCommandListener(counting)
			.build());
	}

	/** A counting client of {@code database} on the shared server. */
	public static CountedCommands on(String database) {
		return new CountedCommands(database);
	}

	public MongoClient client() {
		return client;
	}

	/** The commands sent since the last {@link #reset}, by name. */
	public Map<String, Integer> sent() {
		Map<String, Integer> counts = new TreeMap<>();
		sent.forEach((name, count) -> counts.put(name, count.get()));
		return counts;
	}

	public void reset() {
		sent.clear();
	}

	@Override
	public void close() {
		client.close();
	}

}
