package com.rvssl.localstack;

import java.util.concurrent.locks.LockSupport;

/** The launcher's pauses: polling while a process comes up, or an outage it plays. */
final class Pause {

	private Pause() {
	}

	static void briefly() {
		sleep(java.time.Duration.ofMillis(250));
	}

	static void sleep(java.time.Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
		if (Thread.interrupted()) {
			throw new IllegalStateException("interrupted while waiting");
		}
	}

}
