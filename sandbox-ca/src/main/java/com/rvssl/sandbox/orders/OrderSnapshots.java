package com.rvssl.sandbox.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order book as one JSON file in the data directory, rewritten whole on every change:
 * the sandbox holds a handful of orders, and a whole-file write through a temporary file
 * and a rename never leaves a half-written snapshot behind.
 */
class OrderSnapshots {

	record Snapshot(long nextId, List<CaOrder> orders) {
	}

	/**
	 * Lenient with snapshots written before a field existed: an absent count reads as 0.
	 */
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Path file;

	OrderSnapshots(Path directory) {
		this.file = directory.resolve("orders.json");
	}

	Snapshot load() {
		if (!Files.isRegularFile(this.file)) {
			return new Snapshot(0, List.of());
		}
		return this.json.readValue(this.file.toFile(), Snapshot.class);
	}

	synchronized void save(Snapshot snapshot) {
		try {
			Files.createDirectories(this.file.getParent());
			Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			this.json.writeValue(temporary.toFile(), snapshot);
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save the orders to " + this.file, ex);
		}
	}

	Path file() {
		return this.file;
	}

}
