package com.rvssl.kit.test.badinput;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sends generated bad requests to the running service and keeps the score: per class the
 * count and the answers' statuses, and every answer that is not a 4xx
 * {@code application/problem+json} problem with its status, type and title.
 */
public final class BadInputRun {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_REPORTED = 40;

	private final String service;

	private final WebTestClient http;

	private final String baseUrl;

	private final List<Map<String, String>> members;

	private final AtomicInteger next = new AtomicInteger();

	private final String operatorKey;

	private final Map<String, Map<Integer, Integer>> answers = new TreeMap<>();

	/**
	 * Bad answers grouped by class, operation and status: the count and a first example.
	 */
	private final Map<String, Finding> findings = new java.util.LinkedHashMap<>();

	private final AtomicInteger findingCount = new AtomicInteger();

	private final long started = System.nanoTime();

	/**
	 * @param service the name printed with the figures
	 * @param http a client of the running service
	 * @param baseUrl where it listens ({@code http://localhost:port})
	 * @param members the run's resellers, used in turn (a per-key rate limit is not what
	 * the run tests): for each what names in braces stand for, at least
	 * {@code reseller-key} (its API key), and {@code own-order} or the like
	 * @param operatorKey the operator's key
	 */
	public BadInputRun(String service, WebTestClient http, String baseUrl, List<Map<String, String>> members,
			String operatorKey) {
		this.service = service;
		// a refusal may quote the bad input: read answers of any size
		this.http = http.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
			.build();
		this.baseUrl = baseUrl;
		this.members = List.copyOf(members);
		this.operatorKey = operatorKey;
	}

	/** Sends one request and checks its answer; a bad answer is recorded, not thrown. */
	public void send(BadRequest request) {
		Map<String, String> member = this.members.get(Math.floorMod(this.next.getAndIncrement(), this.members.size()));
		String key = member.get("reseller-key");
		String target = fill(request.target(), member);
		EntityExchangeResult<byte[]> result;
		try {
			WebTestClient.RequestBodySpec spec = this.http.method(HttpMethod.valueOf(request.method()))
				.uri(URI.create(this.baseUrl + target));
			switch (request.credential()) {
				case RESELLER -> spec.header("Authorization", "Bearer " + key);
				case OPERATOR -> spec.header("Authorization", "Bearer " + this.operatorKey);
				case NONE, RAW -> {
				}
			}
			for (Header header : request.headers()) {
				spec.header(header.name(), fill(header.value(), member));
			}
			if (request.contentType() != null) {
				spec.header("Content-Type", request.contentType());
			}
			WebTestClient.RequestHeadersSpec<?> ready = (request.body() != null) ? spec.bodyValue(request.body())
					: spec;
			result = ready.exchange().expectBody(byte[].class).returnResult();
		}
		catch (RuntimeException ex) {
			record(request, 0, "no answer: " + ex);
			return;
		}
		int status = result.getStatus().value();
		String error = problemError(status, result);
		record(request, status, (error == null) ? bypassError(request, status, result) : error);
	}

	/**
	 * A path shaped to slip past authentication (sent without a key) must be refused as
	 * unauthenticated, rejected, or not found: any other 4xx means it reached a
	 * controller.
	 */
	private static String bypassError(BadRequest request, int status, EntityExchangeResult<byte[]> result) {
		if (!request.kind().equals("path-shape") || status == 401 || status == 404 || status == 405) {
			return null;
		}
		String body = new String(result.getResponseBody(), StandardCharsets.UTF_8);
		return body.contains("/rejected-request\"") ? null
				: "answered " + status + " without a key, past authentication: " + BadRequest.abbreviate(body, 200);
	}

	private static String problemError(int status, EntityExchangeResult<byte[]> result) {
		byte[] body = result.getResponseBody();
		String text = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		if (status < 400 || status > 499) {
			return "answered " + status + ": " + BadRequest.abbreviate(text, 300);
		}
		MediaType type = result.getResponseHeaders().getContentType();
		if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
			return "answered " + status + " as " + type + ", not a problem: " + BadRequest.abbreviate(text, 200);
		}
		try {
			JsonNode problem = JSON.readTree(text);
			// no type is about:blank (RFC 9457), as Spring writes its own errors (405,
			// 400 type mismatch)
			if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()) {
				return "answered " + status + " with an incomplete problem: " + BadRequest.abbreviate(text, 200);
			}
		}
		catch (RuntimeException ex) {
			return "answered " + status + " with a problem that is not JSON: " + BadRequest.abbreviate(text, 200);
		}
		return null;
	}

	private synchronized void record(BadRequest request, int status, String error) {
		this.answers.computeIfAbsent(request.kind(), (kind) -> new TreeMap<>()).merge(status, 1, Integer::sum);
		if (error != null) {
			this.findingCount.incrementAndGet();
			String operation = request.target().replaceAll("\\?.*", "");
			String group = request.kind() + ": " + request.method() + " " + BadRequest.abbreviate(operation, 80)
					+ " -> " + status;
			Finding finding = this.findings.computeIfAbsent(group,
					(key) -> new Finding(request.describe() + "\n      -> " + error));
			finding.count++;
		}
	}

	private static final class Finding {

		private final String example;

		private int count;

		private Finding(String example) {
			this.example = example;
		}

	}

	private static String fill(String text, Map<String, String> member) {
		String filled = text.replace("{fresh}", UUID.randomUUID().toString());
		for (Map.Entry<String, String> fixture : member.entrySet()) {
			filled = filled.replace("{" + fixture.getKey() + "}", fixture.getValue());
		}
		return filled;
	}

	/** Requests sent so far. */
	public synchronized int total() {
		return this.answers.values()
			.stream()
			.flatMap((byStatus) -> byStatus.values().stream())
			.mapToInt(Integer::intValue)
			.sum();
	}

	/** Answers that were not 4xx problems. */
	public int findings() {
		return this.findingCount.get();
	}

	/**
	 * The bad answers by class, operation and status: how many, and the first request
	 * with what came back.
	 */
	public synchronized List<String> findingExamples() {
		List<String> lines = new ArrayList<>();
		this.findings.forEach((group, finding) -> {
			if (lines.size() < MAX_REPORTED) {
				lines.add(finding.count + " x " + group + "\n    e.g. " + finding.example);
			}
		});
		return lines;
	}

	/**
	 * The figures as printed: the count per class, then the answers by status, then the
	 * verdict.
	 */
	public synchronized String summary(long seed) {
		StringBuilder text = new StringBuilder("Bad-input run of ").append(this.service)
			.append(" (seed ")
			.append(seed)
			.append("): ");
		List<String> classes = new ArrayList<>();
		Map<Integer, Integer> byStatus = new TreeMap<>();
		this.answers.forEach((kind, statuses) -> {
			classes
				.add(kind + " " + String.format("%,d", statuses.values().stream().mapToInt(Integer::intValue).sum()));
			statuses.forEach((status, count) -> byStatus.merge(status, count, Integer::sum));
		});
		text.append(String.join(" / ", classes));
		long fiveHundreds = byStatus.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() >= 500)
			.mapToLong(Map.Entry::getValue)
			.sum();
		long successes = byStatus.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() >= 200 && entry.getKey() < 300)
			.mapToLong(Map.Entry::getValue)
			.sum();
		text.append(String.format(" : %,d requests in %d s, ", total(),
				java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.started)));
		text.append((findings() == 0) ? "all 4xx problem+json" : findings() + " not a 4xx problem")
			.append(", ")
			.append(fiveHundreds)
			.append(" 5xx, ")
			.append(successes)
			.append(" 2xx; statuses ")
			.append(byStatus);
		return text.toString();
	}

}
