package com.rvssl.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

	private static final HttpClient TEXT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final PlatformClient http = new PlatformClient();

	PlatformClient http() {
		return http;
	}

	/**
	 * A text body (a PEM download), as {@link #retrying} gets it: the per-key rate limit
	 * (429) and a service away are waited out.
	 */
	String text(String what, String url, String key) {
		Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
		String last = "no attempt";
		while (Instant.now().isBefore(deadline)) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
			if (key != null) {
				request.header("Authorization", "Bearer " + key);
			}
			try {
				HttpResponse<String> response = TEXT.send(request.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() < 500 && response.statusCode() != 429) {
					return response.body();
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			Pause.sleep(PAUSE);
		}
		throw new IllegalStateException(what + " got no answer within " + GIVE_UP_AFTER + "; last: " + last);
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
