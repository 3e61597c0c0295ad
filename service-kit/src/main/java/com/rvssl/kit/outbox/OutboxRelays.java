package com.rvssl.kit.outbox;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * The relays of a service's outbox collections, started and stopped with the application;
 * the {@link OutboxWakeUp} the services' stores call.
 */
public class OutboxRelays implements SmartLifecycle, OutboxWakeUp {

	private final Map<String, OutboxRelay> relays;

	private volatile boolean running;

	/**
	 * @param relays each collection's relay, by the collection's name
	 */
	public OutboxRelays(Map<String, OutboxRelay> relays) {
		this.relays = Map.copyOf(relays);
	}

	/** The relay of one collection, e.g. for a test that publishes a round at once. */
	public OutboxRelay of(String collectionName) {
		OutboxRelay relay = relays.get(collectionName);
		if (relay == null) {
			throw new IllegalArgumentException("no outbox relay for collection " + collectionName);
		}
		return relay;
	}

	@Override
	public void filled(String collectionName, Object id) {
		of(collectionName).filled(id);
	}

	/** One sweep of every relay. */
	public Mono<Void> relayOnce() {
		return Flux.fromIterable(relays.values()).concatMap(OutboxRelay::relayOnce).then();
	}

	@Override
	public void start() {
		relays.values().forEach(OutboxRelay::start);
		running = true;
	}

	@Override
	public void stop() {
		relays.values().forEach(OutboxRelay::stop);
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
