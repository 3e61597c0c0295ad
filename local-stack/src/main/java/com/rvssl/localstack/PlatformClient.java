package com.rvssl.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few HTTP calls the launcher makes: readiness probes and seeding the demo reseller.
 */
final class PlatformClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	record Reply(int status, JsonNode body) {
	}

	/**
	 * Waits until {@code url} answers 200, failing early when the process behind it has
	 * died.
	 */
	void awaitReady(String url, JavaProcess process, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(process.name() + " exited during start-up; see " + process.log());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			Pause.briefly();
		}
		throw new IllegalStateException(
				url + " was not ready within " + timeout + (process != null ? "; see " + process.log() : ""));
	}

	/** A text body (PEM) of a 200 answer. */
	String getText(String url, String apiKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP call failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	Reply get(String url, String apiKey) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), apiKey, Map.of());
	}

	Reply post(String url, String apiKey, Object body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), apiKey, headers);
	}

	Reply put(String url, String apiKey, Object body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), apiKey, Map.of());
	}

	Reply delete(String url, String apiKey) {
		return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), apiKey, Map.of());
	}

	private Reply send(HttpRequest.Builder request, String apiKey, Map<String, String> headers) {
		request.timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			return new Reply(response.statusCode(), (text == null || text.isBlank()) ? null : JSON.readTree(text));
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP call failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
