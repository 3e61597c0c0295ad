package com.rvssl.kit.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of a protected path that a naive "does it start with /api/" check lets
 * through while the router still finds the route: an encoded letter, path parameters,
 * doubled slashes, dot segments, another case. Each is sent as is (not re-encoded or
 * normalized by the client) and must be refused with a 4xx problem, never reach the
 * controller.
 */
public final class PathBypassAssertions {

	private static final String PROBLEMS = "https://rvssl.example/problems/";

	/**
	 * The problems of a request stopped before any controller: the firewall's, no key, a
	 * key not allowed there. Any other 4xx (a missing header, an invalid body) would mean
	 * the request reached the route.
	 */
	private static final List<String> REFUSALS = List.of("rejected-request", "unauthorized", "forbidden");

	private PathBypassAssertions() {
	}

	/**
	 * The bypass shapes of a path of at least two segments, such as
	 * {@code /api/v1/orders}, by name.
	 */
	public static Map<String, String> shapesOf(String pathAndQuery) {
		int queryStart = pathAndQuery.indexOf('?');
		String path = (queryStart < 0) ? pathAndQuery : pathAndQuery.substring(0, queryStart);
		String query = (queryStart < 0) ? "" : pathAndQuery.substring(queryStart);
		String[] segments = path.substring(1).split("/", 3);
		assertThat(segments).as("a path of at least two segments").hasSizeGreaterThanOrEqualTo(2);
		String first = segments[0];
		String rest = path.substring(first.length() + 1);
		String second = segments[1];
		Map<String, String> shapes = new LinkedHashMap<>();
		shapes.put("encoded letter",
				"/%" + Integer.toHexString(first.charAt(0)).toUpperCase(Locale.ROOT) + first.substring(1) + rest);
		shapes.put("path parameter", "/" + first + ";x" + rest);
		shapes.put("double slash", "/" + path);
		shapes.put("dot segment", "/." + path);
		shapes.put("upper case", "/" + first.toUpperCase(Locale.ROOT) + rest);
		shapes.put("dot-dot segment", "/" + first + "/" + second + "/.." + rest);
		shapes.put("encoded slash", "/" + first + "%2F" + rest.substring(1));
		shapes.put("trailing parameter", path + ";jsessionid=x");
		shapes.replaceAll((name, shape) -> shape + query);
		return shapes;
	}

	/**
	 * Sends every shape of the path, with the given key or none, and asserts each answer
	 * is the problem of a request stopped before any controller (the firewall's 400, 401
	 * or 403), so it carries no data; returns the answers by shape for further checks.
	 */
	public static Map<String, EntityExchangeResult<byte[]>> assertEveryShapeRefused(WebTestClient web,
			HttpMethod method, String path, String key, String jsonBody) {
		Map<String, EntityExchangeResult<byte[]>> answers = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		shapesOf(path).forEach((name, shape) -> {
			EntityExchangeResult<byte[]> answer = send(web, method, shape, key, jsonBody);
			answers.put(name, answer);
			String body = (answer.getResponseBody() != null) ? new String(answer.getResponseBody()) : "";
			MediaType type = answer.getResponseHeaders().getContentType();
			if (!answer.getStatus().is4xxClientError() || type == null
					|| !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || REFUSALS.stream()
						.noneMatch((refusal) -> body.contains("\"type\":\"" + PROBLEMS + refusal + "\""))) {
				failures.add(name + " " + method + " " + shape + " -> " + answer.getStatus() + " " + type + " " + body);
			}
		});
		assertThat(failures).as("bypass shapes that were not refused with a 4xx problem").isEmpty();
		return answers;
	}

	/**
	 * Asserts the shapes the firewall must refuse got its 400 {@code rejected-request}.
	 */
	public static void assertFirewallRejected(Map<String, EntityExchangeResult<byte[]>> answers) {
		for (String shape : List.of("path parameter", "double slash", "dot segment", "dot-dot segment", "encoded slash",
				"trailing parameter")) {
			EntityExchangeResult<byte[]> answer = answers.get(shape);
			assertThat(answer.getStatus().value()).as(shape).isEqualTo(400);
			assertThat(new String(answer.getResponseBody())).as(shape).contains(PROBLEMS + "rejected-request");
		}
	}

	/**
	 * One request to exactly this raw path (nothing encoded or normalized on the way).
	 */
	public static EntityExchangeResult<byte[]> send(WebTestClient web, HttpMethod method, String rawPath, String key,
			String jsonBody) {
		WebTestClient.RequestBodySpec request = web.method(method)
			.uri((builder) -> URI.create(builder.replacePath(null).replaceQuery(null).build().toString() + rawPath));
		if (key != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
		}
		WebTestClient.RequestHeadersSpec<?> ready = (jsonBody != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(jsonBody) : request;
		return ready.exchange().expectBody().returnResult();
	}

}
