package com.rvssl.kit.test.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * The generators of a bad-input run over an API given as {@link Operation}s, one per
 * class of bad input. Each builds requests that are invalid by construction (or, for
 * malformed JSON, checked to be so by a strict parser), so that any answer but a 4xx
 * problem is a finding.
 */
public final class BadRequests {

	static final String JSON_TYPE = "application/json";

	static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "text/plain;charset=UTF-8", "application/xml",
			"text/xml", "application/x-www-form-urlencoded", "multipart/form-data;boundary=x",
			"application/octet-stream", "text/html", "image/png", "application/x-yaml", "text/csv",
			"application/javascript");

	static final List<String> WRONG_TYPES_FOR_STRINGS = List.of("{\"$gt\": \"\"}", "{\"$ne\": null}",
			"{\"$regex\": \".*\"}", "[\"x\"]", "[]", "{}");

	static final List<String> WRONG_TYPES_FOR_NUMBERS = List.of("\"twelve\"", "{\"$gt\": 0}", "[12]", "{}", "\"1e3x\"",
			"\"\"");

	static final List<String> WRONG_TYPES_FOR_OBJECTS = List.of("\"x\"", "42", "[]", "true", "[{}]", "\"{}\"");

	static final List<String> WRONG_TYPES_FOR_ARRAYS = List.of("\"example.com\"", "{\"$in\": [\"a\"]}", "42", "true",
			"{}");

	static final List<String> WRONG_ROOTS = List.of("[]", "\"x\"", "42", "true", "null", "[{}]", "\"{}\"");

	static final List<String> MALFORMED = List.of("{", "}", "{\"a\":}", "{'a':'b'}", "{\"a\":1,}", "[1,2",
			"{\"a\":NaN}", "{\"a\":01}", "{\"a\":\"\\x\"}", "/* c */ {}", "{} {}", "{}garbage", "{\"a\" \"b\"}",
			"{\"a\":tru}", "{\"a\":\"unterminated}", "{\"a\":1}}", ",", ":", "\"", "{\"a\":[1,2,]}", "{\"a\":.5}",
			"{\"a\":+1}", "{\"a\":0x10}", "{a:1}", "{\"a\":undefined}", "<order/>", "productCode=x&termMonths=12");

	static final String TWO_KEYS = "two Authorization headers";

	static final List<String> AUTHORIZATIONS = List.of("Bearer", "Basic b3BlcmF0b3I6b3BlcmF0b3I=",
			"Token {reseller-key}", "Bearer ' OR 1=1 --", "Bearer ../../etc/passwd", "Bearer {\"$gt\":\"\"}",
			"Bearer unknown-key-0000", "Bearer%20{reseller-key}", "{reseller-key}", "Bearer {reseller-key}x",
			"Bearer " + "A".repeat(3_000), "Bearer \u00e9\u00e8", "Bearer {other-key} {reseller-key}", TWO_KEYS);

	static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

	private BadRequests() {
	}

	/**
	 * Every class of bad input over {@code operations}, plus the service's own generators
	 * ({@code extra}, by class), each class about as likely as the others.
	 */
	public static Arbitrary<BadRequest> of(List<Operation> operations, Map<String, Arbitrary<BadRequest>> extra) {
		Map<String, Arbitrary<BadRequest>> classes = new LinkedHashMap<>();
		List<Operation> withBody = operations.stream().filter(Operation::hasBody).toList();
		classes.put("malformed-json", malformedJson(withBody));
		classes.put("wrong-type", wrongType(withBody));
		classes.put("missing-field", missingField(withBody));
		classes.put("boundary", boundary(operations));
		classes.put("hostile-string", hostile(operations));
		classes.put("oversized", oversized(operations));
		classes.put("content-type", contentType(withBody));
		classes.put("method", method(operations));
		classes.put("credential", credential(operations));
		classes.put("idempotency-key", idempotencyKey(operations));
		classes.put("path-shape", pathShape(operations));
		classes.putAll(extra);
		List<Tuple2<Integer, Arbitrary<BadRequest>>> weighted = new ArrayList<>();
		classes.forEach((kind, arbitrary) -> {
			if (arbitrary != null) {
				weighted.add(Tuple.of(1, arbitrary));
			}
		});
		return Arbitraries.frequencyOf(weighted);
	}

	/**
	 * Valid calls of every operation whose path holds {@code placeholder}, with it
	 * replaced by {@code replacement} (another reseller's order instead of one's own).
	 */
	public static Arbitrary<BadRequest> aimedAt(String kind, List<Operation> operations, String placeholder,
			String replacement) {
		List<BadRequest> requests = operations.stream()
			.filter((operation) -> operation.path().contains(placeholder))
			.map((operation) -> BadRequest.of(kind, operation, operation.path().replace(placeholder, replacement),
					operation.hasBody() ? JSON_TYPE : null, body(operation)))
			.toList();
		return requests.isEmpty() ? null : Arbitraries.of(requests);
	}

	static Arbitrary<BadRequest> malformedJson(List<Operation> operations) {
		if (operations.isEmpty()) {
			return null;
		}
		return Arbitraries.of(operations).flatMap((operation) -> {
			byte[] valid = operation.body().getBytes(StandardCharsets.UTF_8);
			Arbitrary<byte[]> fixed = Arbitraries.of(MALFORMED).map((text) -> text.getBytes(StandardCharsets.UTF_8));
			Arbitrary<byte[]> truncated = Arbitraries.integers()
				.between(1, valid.length - 1)
				.map((end) -> java.util.Arrays.copyOf(valid, end));
			Arbitrary<byte[]> inserted = Combinators
				.combine(Arbitraries.integers().between(0, valid.length),
						Arbitraries.of("{", "}", "[", "]", "\"", ",", ":", "\\", "'", "\u0000", "\u201C", "//", "NaN",
								"\n}\n"))
				.as((at, junk) -> splice(valid, at, junk.getBytes(StandardCharsets.UTF_8)));
			// overlong UTF-8 (0xC0 0xBA is ':'), a UTF-16 BOM, a stray 0xFF, between
			// tokens
			Arbitrary<byte[]> badBytes = Arbitraries
				.of(new byte[] { (byte) 0xC0, (byte) 0xBA }, new byte[] { (byte) 0xFF, (byte) 0xFE },
						new byte[] { (byte) 0xFF }, new byte[] { 0 })
				.map((bytes) -> replaceFirstColon(valid, bytes));
			Arbitrary<byte[]> quotes = Arbitraries
				.just(operation.body().replace('"', '\'').getBytes(StandardCharsets.UTF_8));
			return Arbitraries.oneOf(fixed, truncated, inserted, badBytes, quotes)
				.filter(JsonTemplates::malformed)
				.filter((body) -> !(operation.path().contains("cancel")
						&& new String(body, StandardCharsets.UTF_8).isBlank()))
				.map((body) -> BadRequest.of("malformed-json", operation, operation.path(), JSON_TYPE, body));
		});
	}

	static Arbitrary<BadRequest> wrongType(List<Operation> operations) {
		if (operations.isEmpty()) {
			return null;
		}
		return Arbitraries.of(operations).flatMap((operation) -> {
			List<Arbitrary<BadRequest>> choices = new ArrayList<>();
			choices.add(Arbitraries.of(WRONG_ROOTS)
				.map((root) -> BadRequest.of("wrong-type", operation, operation.path(), JSON_TYPE,
						root.getBytes(StandardCharsets.UTF_8))));
			for (Field field : operation.fields()) {
				List<String> wrong = switch (field.type()) {
					case TEXT, CODE -> WRONG_TYPES_FOR_STRINGS;
					case NUMBER -> WRONG_TYPES_FOR_NUMBERS;
					case OBJECT -> WRONG_TYPES_FOR_OBJECTS;
					case ARRAY -> WRONG_TYPES_FOR_ARRAYS;
				};
				choices.add(Arbitraries.of(wrong)
					.map((literal) -> BadRequest.of("wrong-type", operation, operation.path(), JSON_TYPE,
							JsonTemplates.replace(operation.body(), field.pointer(), literal))));
			}
			return Arbitraries.oneOf(choices);
		});
	}

	static Arbitrary<BadRequest> missingField(List<Operation> operations) {
		List<BadRequest> requests = new ArrayList<>();
		for (Operation operation : operations) {
			for (Field field : operation.fields()) {
				if (field.required()) {
					requests.add(BadRequest.of("missing-field", operation, operation.path(), JSON_TYPE,
							JsonTemplates.remove(operation.body(), field.pointer())));
					requests.add(BadRequest.of("missing-field", operation, operation.path(), JSON_TYPE,
							JsonTemplates.replace(operation.body(), field.pointer(), "null")));
				}
			}
		}
		return requests.isEmpty() ? null : Arbitraries.of(requests);
	}

	static Arbitrary<BadRequest> boundary(List<Operation> operations) {
		List<BadRequest> requests = new ArrayList<>();
		for (Operation operation : operations) {
			for (Field field : operation.fields()) {
				if (field.type() == Field.Type.NUMBER) {
					for (String literal : field.badLiterals()) {
						requests.add(BadRequest.of("boundary", operation, operation.path(), JSON_TYPE,
								JsonTemplates.replace(operation.body(), field.pointer(), literal)));
					}
				}
			}
			for (Operation.Query query : operation.queries()) {
				for (String value : query.badValues()) {
					requests.add(withQuery("boundary", operation, query.name(), value));
				}
			}
		}
		return requests.isEmpty() ? null : Arbitraries.of(requests);
	}

	static Arbitrary<BadRequest> hostile(List<Operation> operations) {
		List<Arbitrary<BadRequest>> choices = new ArrayList<>();
		for (Operation operation : operations) {
			for (Field field : operation.fields()) {
				if (field.type() == Field.Type.CODE) {
					choices.add(HostileStrings.any()
						.map((text) -> BadRequest.of("hostile-string", operation, operation.path(), JSON_TYPE,
								JsonTemplates.replace(operation.body(), field.pointer(), JsonTemplates.string(text)))));
				}
				if (field.type() != Field.Type.NUMBER && !field.badLiterals().isEmpty()) {
					choices.add(Arbitraries.of(field.badLiterals())
						.map((literal) -> BadRequest.of("hostile-string", operation, operation.path(), JSON_TYPE,
								JsonTemplates.replace(operation.body(), field.pointer(), literal))));
				}
			}
			if (operation.path().contains("{own-")) {
				choices.add(HostileStrings.encoded()
					.map((segment) -> BadRequest.of("hostile-string", operation,
							operation.path()
								.replaceFirst("\\{own-[a-z-]+\\}", java.util.regex.Matcher.quoteReplacement(segment)),
							operation.hasBody() ? JSON_TYPE : null, body(operation))));
			}
			for (Operation.Query query : operation.queries()) {
				if (query.anyHostile()) {
					// a value that trims to nothing is no filter at all, as Spring reads
					// an optional parameter
					choices.add(HostileStrings.encoded()
						.filter((value) -> !decoded(value).trim().isEmpty())
						.map((value) -> withQuery("hostile-string", operation, query.name(), value)));
				}
			}
		}
		return choices.isEmpty() ? null : Arbitraries.oneOf(choices);
	}

	static Arbitrary<BadRequest> oversized(List<Operation> operations) {
		List<Arbitrary<BadRequest>> choices = new ArrayList<>();
		for (Operation operation : operations) {
			for (Field field : operation.fields()) {
				if (field.type() == Field.Type.TEXT && field.max() > 0) {
					choices.add(Combinators
						.combine(Arbitraries.integers().between(field.max() + 1, field.max() * 3), HostileStrings.any())
						.as((length, poison) -> {
							String text = (poison + "x".repeat(length)).substring(0, length);
							return BadRequest.of("oversized", operation, operation.path(), JSON_TYPE, JsonTemplates
								.replace(operation.body(), field.pointer(), JsonTemplates.string(text)));
						}));
				}
				if (field.type() == Field.Type.ARRAY && field.max() > 0) {
					choices.add(Arbitraries.integers()
						.between(field.max() + 1, field.max() * 4)
						.map((size) -> BadRequest.of("oversized", operation, operation.path(), JSON_TYPE,
								JsonTemplates.replace(operation.body(), field.pointer(), manyItems(size)))));
				}
				if (field.type() != Field.Type.NUMBER) {
					// far past any body limit, a nesting far past any parser's depth, a
					// huge array
					choices.add(Arbitraries.integers()
						.between(300_000, 450_000)
						.map((length) -> BadRequest.of("oversized", operation, operation.path(), JSON_TYPE,
								JsonTemplates.replace(operation.body(), field.pointer(),
										JsonTemplates.string("\u0000".repeat(8) + "Z".repeat(length))))));
					choices.add(Arbitraries.integers()
						.between(1_200, 6_000)
						.map((depth) -> BadRequest.of("oversized", operation, operation.path(), JSON_TYPE, JsonTemplates
							.replace(operation.body(), field.pointer(), "[".repeat(depth) + "]".repeat(depth)))));
					choices.add(Arbitraries.integers()
						.between(40_000, 80_000)
						.map((size) -> BadRequest.of("oversized", operation, operation.path(), JSON_TYPE, JsonTemplates
							.replace(operation.body(), field.pointer(), "[" + "0,".repeat(size - 1) + "0]"))));
				}
			}
			if (operation.idempotencyKey() != Operation.IdempotencyKey.NONE) {
				choices.add(Arbitraries.integers()
					.between(201, 4_000)
					.map((length) -> BadRequest.of("oversized", operation, operation.path(), JSON_TYPE, body(operation))
						.withHeader("Idempotency-Key", "k".repeat(length))));
			}
			if (operation.path().contains("{own-")) {
				choices.add(Arbitraries.integers()
					.between(300, 3_000)
					.map((length) -> BadRequest.of("oversized", operation,
							operation.path().replaceFirst("\\{own-[a-z-]+\\}", "i".repeat(length)),
							operation.hasBody() ? JSON_TYPE : null, body(operation))));
			}
			for (Operation.Query query : operation.queries()) {
				if (query.anyHostile()) {
					choices.add(Arbitraries.integers()
						.between(300, 3_000)
						.map((length) -> withQuery("oversized", operation, query.name(), "q".repeat(length))));
				}
			}
		}
		return choices.isEmpty() ? null : Arbitraries.oneOf(choices);
	}

	static Arbitrary<BadRequest> contentType(List<Operation> operations) {
		if (operations.isEmpty()) {
			return null;
		}
		return Combinators.combine(Arbitraries.of(operations), Arbitraries.of(WRONG_CONTENT_TYPES))
			.as(BadRequests::contentTypeRequest);
	}

	private static BadRequest contentTypeRequest(Operation operation, String type) {
		return BadRequest.of("content-type", operation, operation.path(), type, body(operation));
	}

	static Arbitrary<BadRequest> method(List<Operation> operations) {
		Map<String, Set<String>> mapped = operations.stream()
			.collect(Collectors.groupingBy(Operation::path, LinkedHashMap::new,
					Collectors.mapping(Operation::method, Collectors.toCollection(TreeSet::new))));
		Map<String, Operation> anyOf = operations.stream()
			.collect(Collectors.toMap(Operation::path, Function.identity(), (a, b) -> a.hasBody() ? a : b,
					LinkedHashMap::new));
		List<BadRequest> requests = new ArrayList<>();
		mapped.forEach((path, methods) -> {
			Operation operation = anyOf.get(path);
			for (String method : METHODS) {
				if (!methods.contains(method)) {
					requests.add(new BadRequest("method", method, path, operation.caller(), List.of(),
							operation.hasBody() ? JSON_TYPE : null, body(operation)));
				}
			}
		});
		return requests.isEmpty() ? null : Arbitraries.of(requests);
	}

	static Arbitrary<BadRequest> credential(List<Operation> operations) {
		return Combinators.combine(Arbitraries.of(operations), Arbitraries.of(AUTHORIZATIONS).injectNull(0.2))
			.as((operation, authorization) -> {
				BadRequest request = new BadRequest("credential", operation.method(), operation.path(),
						(authorization == null) ? Credential.NONE : Credential.RAW, List.of(),
						operation.hasBody() ? JSON_TYPE : null, body(operation));
				if (authorization == null) {
					return request;
				}
				if (authorization.equals(TWO_KEYS)) {
					// two keys, whose holder would the request act for?
					return request.withHeader("Authorization", "Bearer {reseller-key}")
						.withHeader("Authorization", "Bearer {other-key}");
				}
				return request.withHeader("Authorization", authorization);
			});
	}

	static Arbitrary<BadRequest> idempotencyKey(List<Operation> operations) {
		List<BadRequest> requests = new ArrayList<>();
		for (Operation operation : operations) {
			if (operation.idempotencyKey() == Operation.IdempotencyKey.NONE) {
				continue;
			}
			BadRequest valid = BadRequest.of("idempotency-key", operation, operation.path(), JSON_TYPE,
					body(operation));
			requests.add(valid.withHeader("Idempotency-Key", ""));
			requests.add(valid.withHeader("Idempotency-Key", "{fresh}").withHeader("Idempotency-Key", "{fresh}-2"));
			if (operation.idempotencyKey() == Operation.IdempotencyKey.REQUIRED) {
				requests.add(valid);
			}
		}
		return requests.isEmpty() ? null : Arbitraries.of(requests);
	}

	static Arbitrary<BadRequest> pathShape(List<Operation> operations) {
		List<Function<String, String>> shapes = List.of((path) -> path.replaceFirst("^/api/", "/%61pi/"),
				(path) -> path.replaceFirst("^/api/", "/api;x/"), (path) -> "/" + path,
				(path) -> path.replaceFirst("^/api/", "/api/./"), (path) -> path.replaceFirst("^/api/", "/API/"),
				(path) -> path.replaceFirst("^/api/v1/", "/api/v1/../v1/"),
				(path) -> path.replaceFirst("^/api/v1/", "/api/v1/%2e%2e/v1/"),
				(path) -> path.replaceFirst("^/api/", "/api%2f"), (path) -> path + ";x=1",
				(path) -> path.replaceFirst("^/api/", "/%2561pi/"));
		return Combinators.combine(Arbitraries.of(operations), Arbitraries.of(shapes))
			.as((operation, shape) -> new BadRequest("path-shape", operation.method(), shape.apply(operation.path()),
					Credential.NONE, List.of(), operation.hasBody() ? JSON_TYPE : null, body(operation)));
	}

	private static BadRequest withQuery(String kind, Operation operation, String name, String value) {
		String separator = operation.path().contains("?") ? "&" : "?";
		return BadRequest.of(kind, operation, operation.path() + separator + name + "=" + value,
				operation.hasBody() ? JSON_TYPE : null, body(operation));
	}

	private static String decoded(String value) {
		try {
			return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private static byte[] body(Operation operation) {
		return operation.hasBody() ? operation.body().getBytes(StandardCharsets.UTF_8) : null;
	}

	private static String manyItems(int size) {
		StringBuilder items = new StringBuilder("[");
		for (int i = 0; i < size; i++) {
			items.append((i == 0) ? "" : ",").append("\"n").append(i).append(".example.com\"");
		}
		return items.append(']').toString();
	}

	private static byte[] splice(byte[] body, int at, byte[] junk) {
		byte[] result = new byte[body.length + junk.length];
		System.arraycopy(body, 0, result, 0, at);
		System.arraycopy(junk, 0, result, at, junk.length);
		System.arraycopy(body, at, result, at + junk.length, body.length - at);
		return result;
	}

	private static byte[] replaceFirstColon(byte[] body, byte[] bytes) {
		for (int i = 0; i < body.length; i++) {
			if (body[i] == ':') {
				byte[] result = new byte[body.length - 1 + bytes.length];
				System.arraycopy(body, 0, result, 0, i);
				System.arraycopy(bytes, 0, result, i, bytes.length);
				System.arraycopy(body, i + 1, result, i + bytes.length, body.length - i - 1);
				return result;
			}
		}
		return bytes;
	}

}
