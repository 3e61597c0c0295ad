package com.rvssl.sandbox.faults;

import java.time.Instant;

/**
 * One active fault.
 *
 * @param api {@code digicert} or {@code sectigo}
 * @param probability the share of requests it hits, 0 to 1
 */
public record Fault(String api, FaultMode mode, Instant expiresAt, long latencyMillis, double probability) {

	boolean activeAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}
}
