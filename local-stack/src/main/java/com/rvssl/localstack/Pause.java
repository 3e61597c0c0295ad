package com.rvssl.localstack;

import java.util.concurrent.locks.LockSupport;

/** The launcher's polling pause while it waits for a process to come up. */
final class Pause {

	private Pause() {
	}

	static void briefly() {
		LockSupport.parkNanos(250_000_000L);
		if (Thread.interrupted()) {
			throw new IllegalStateException("interrupted while waiting");
		}
	}

}
