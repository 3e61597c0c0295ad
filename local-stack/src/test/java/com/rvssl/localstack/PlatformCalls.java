package com.rvssl.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP steps the end-to-end tests take on the {@link RunningPlatform}: JSON calls as
 * a WHMCS addon or a reseller makes them, the sandbox's admin API, and waiting for an
 * order to get somewhere.
 */
final class PlatformCalls {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private PlatformCalls() {
	}

	record Reply(int status, JsonNode body) {
	}

	static Reply call(String method, String url, String key, Object body) {
		return call(method, url, key, body, Map.of());
	}

	/**
	 * A JSON call, with the API key as a bearer token when there is one; the body is null
	 * when empty.
	 */
	static Reply call(String method, String url, String key, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json")
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		headers.forEach(request::header);
		HttpResponse<String> response = send(request.build(), method + " " + url);
		String text = response.body();
		return new Reply(response.statusCode(), (text == null || text.isBlank()) ? null : JSON.readTree(text));
	}

	static HttpResponse<String> send(HttpRequest request, String what) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(what + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** A call to the sandbox CA's admin API, which must succeed. */
	static void sandbox(String method, String path, Object body) {
		Reply reply = call(method, RunningPlatform.stack().sandboxUrl() + path, null, body);
		assertThat(reply.status()).as("%s %s: %s", method, path, reply.body()).isBetween(200, 299);
	}

	/** The order as the reseller reads it, once it meets the condition. */
	static JsonNode awaitOrder(String orderId, Duration atMost, Predicate<JsonNode> condition) {
		LocalStack stack = RunningPlatform.stack();
		return await().atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> call("GET", stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId,
					stack.credentials().resellerKey(), null)
				.body(), condition);
	}

	static String uniqueDomain(String kind) {
		return kind + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
	}

}
