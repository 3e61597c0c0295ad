package com.rvssl.sandbox.api.digicert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.SandboxProperties;

/**
 * DigiCert's request limits per API key: a short and a long fixed window (100 requests
 * per 5 seconds and 1000 per 5 minutes by default). A request refused by one window still
 * counts in neither, as a refused request did no work.
 */
@Component
class RequestLimits {

	private final SandboxProperties.Limits limits;

	private final Clock clock;

	private final Map<String, KeyWindows> byKey = new ConcurrentHashMap<>();

	RequestLimits(SandboxProperties properties, Clock clock) {
		this.limits = properties.digicert().limits();
		this.clock = clock;
	}

	/** Counts one request of the key; false when either window is full. */
	boolean tryAcquire(String key) {
		return this.byKey.computeIfAbsent(key, (k) -> new KeyWindows()).tryAcquire(this.clock.instant());
	}

	private final class KeyWindows {

		private final Window shortWindow = new Window(limits.shortWindow(), limits.shortWindowRequests());

		private final Window longWindow = new Window(limits.longWindow(), limits.longWindowRequests());

		synchronized boolean tryAcquire(Instant now) {
			this.shortWindow.roll(now);
			this.longWindow.roll(now);
			if (this.shortWindow.full() || this.longWindow.full()) {
				return false;
			}
			this.shortWindow.count++;
			this.longWindow.count++;
			return true;
		}

	}

	private static final class Window {

		private final Duration length;

		private final int capacity;

		private Instant start = Instant.EPOCH;

		private int count;

		Window(Duration length, int capacity) {
			this.length = length;
			this.capacity = capacity;
		}

		void roll(Instant now) {
			if (!now.isBefore(this.start.plus(this.length))) {
				this.start = now;
				this.count = 0;
			}
		}

		boolean full() {
			return this.count >= this.capacity;
		}

	}

}
