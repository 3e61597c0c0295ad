package com.rvssl.order.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rvssl.kit.security.Caller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Open status streams per API key on this instance, at most
 * {@code rvssl.api.events.max-streams-per-key} (5): a stream holds a connection and a
 * follower for as long as it is open, so one key cannot hold them without bound. Only
 * keys with open streams are kept, so memory follows the open streams.
 */
@Component
class StreamSlots {

	private final int max;

	private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

	StreamSlots(@Value("${rvssl.api.events.max-streams-per-key:5}") int max) {
		this.max = max;
	}

	int max() {
		return max;
	}

	/** A slot for the caller's key, or null when the key holds {@link #max()} already. */
	Slot take(Caller caller) {
		String key = caller.operator() ? "operator" : caller.resellerId();
		AtomicBoolean taken = new AtomicBoolean();
		open.compute(key, (k, count) -> {
			int now = (count != null) ? count : 0;
			if (now >= max) {
				return count;
			}
			taken.set(true);
			return now + 1;
		});
		return taken.get() ? new Slot(key) : null;
	}

	/** How many streams the key holds open now. */
	int openFor(String key) {
		return open.getOrDefault(key, 0);
	}

	/** One open stream's place; released once, however often it is told to. */
	final class Slot {

		private final String key;

		private final AtomicBoolean released = new AtomicBoolean();

		private Slot(String key) {
			this.key = key;
		}

		void release() {
			if (released.compareAndSet(false, true)) {
				open.computeIfPresent(key, (k, count) -> (count > 1) ? count - 1 : null);
			}
		}

	}

}
