package com.rvssl.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The chaos run's HTTP calls, made as a WHMCS addon makes them while the platform is
 * being broken: a call that finds the service gone (no connection, 5xx, 429) is made
 * again, the same way, until it gets an answer or a long deadline passes. Retries carry
 * the same {@code Idempotency-Key}, so a call that did land and lost its answer is not
 * applied twice.
 */
final class ChaosCalls {

	private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

	private static final Duration PAUSE = Duration.ofMillis(500);

	private final PlatformClient http = new PlatformClient();

	PlatformClient http() {
		return http;
	}

	/** The first answer that is not a sign of the service being away. */
	PlatformClient.Reply retrying(String what, Supplier<PlatformClient.Reply> call) {
		Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
		String last = "no attempt";
		while (Instant.now().isBefore(deadline)) {
			try {
				PlatformClient.Reply reply = call.get();
				if (reply.status() < 500 && reply.status() != 429) {
					return reply;
				}
				last = reply.status() + " " + reply.body();
			}
			catch (IllegalStateException unreachable) {
				last = unreachable.getMessage();
			}
			Pause.sleep(PAUSE);
		}
		throw new IllegalStateException(what + " got no answer within " + GIVE_UP_AFTER + "; last: " + last);
	}

}
