package com.rvssl.sandbox.orders;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.rvssl.sandbox.SandboxProperties;

/**
 * Every order the sandbox holds, by id. Changes go through {@link #update}, which applies
 * a step under the map's per-key lock, so two readers racing past a DV deadline issue one
 * certificate, not two. With a data directory the book is loaded at start and saved after
 * every change.
 */
@Component
public class CaOrderBook {

	/** Ids start high enough to look like a real CA's. */
	private static final long FIRST_ID = 100_001;

	private static final Logger log = LoggerFactory.getLogger(CaOrderBook.class);

	private final Map<Long, CaOrder> orders = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(FIRST_ID);

	private final OrderSnapshots snapshots;

	public CaOrderBook(SandboxProperties properties) {
		this.snapshots = properties.dataDir() == null ? null : new OrderSnapshots(properties.dataDir());
		if (this.snapshots != null) {
			OrderSnapshots.Snapshot snapshot = this.snapshots.load();
			// orders kept from before accounts existed belong to their API's default
			// account
			snapshot.orders()
				.forEach((order) -> this.orders.put(order.id(),
						(order.account() != null) ? order : order.ofAccount(properties.defaultAccount(order.api()))));
			this.ids.set(Math.max(FIRST_ID, snapshot.nextId()));
			log.info("Loaded {} sandbox CA orders from {}", this.orders.size(), this.snapshots.file());
		}
	}

	/**
	 * A fresh id for an order, a certificate, a request or a domain: unique and
	 * increasing.
	 */
	public long nextId() {
		return this.ids.getAndIncrement();
	}

	public void add(CaOrder order) {
		this.orders.put(order.id(), order);
		save();
	}

	public Optional<CaOrder> find(long id) {
		return Optional.ofNullable(this.orders.get(id));
	}

	/** All orders, oldest first. */
	public List<CaOrder> all() {
		return this.orders.values().stream().sorted(Comparator.comparingLong(CaOrder::id)).toList();
	}

	/**
	 * Applies one step to an order atomically; the step sees the latest version and may
	 * throw to refuse. Returns the new version.
	 */
	public CaOrder update(long id, UnaryOperator<CaOrder> step) {
		CaOrder[] before = new CaOrder[1];
		CaOrder after = this.orders.computeIfPresent(id, (key, current) -> {
			before[0] = current;
			return step.apply(current);
		});
		if (after == null) {
			throw new UnknownOrderException(id);
		}
		if (after != before[0]) {
			save();
		}
		return after;
	}

	private void save() {
		if (this.snapshots != null) {
			this.snapshots.save(new OrderSnapshots.Snapshot(this.ids.get(), all()));
		}
	}

}
