package com.rvssl.kit.test.badinput;

import java.util.List;

/**
 * One operation of an API as the generators see it: a valid call (template body, the
 * right caller) and the parts that can be made invalid.
 *
 * @param method the HTTP method
 * @param path the path, with fixtures in braces ({@code /api/v1/orders/{own-order}})
 * @param caller who may call it
 * @param body a valid JSON body, or null when it takes none
 * @param fields the body's fields
 * @param queries query parameters and values of each that it refuses
 * @param idempotencyKey whether it reads an {@code Idempotency-Key} header
 */
public record Operation(String method, String path, Credential caller, String body, List<Field> fields,
		List<Query> queries, IdempotencyKey idempotencyKey) {

	public Operation {
		fields = List.copyOf(fields);
		queries = List.copyOf(queries);
	}

	public static Operation of(String method, String path, Credential caller) {
		return new Operation(method, path, caller, null, List.of(), List.of(), IdempotencyKey.NONE);
	}

	public Operation withBody(String body, Field... fields) {
		return new Operation(this.method, this.path, this.caller, body, List.of(fields), this.queries,
				this.idempotencyKey);
	}

	/**
	 * A query parameter refusing these values (already encoded for a URI) and, when
	 * {@code anyHostile}, every hostile string.
	 */
	public Operation withQuery(String name, boolean anyHostile, String... badValues) {
		List<Query> more = new java.util.ArrayList<>(this.queries);
		more.add(new Query(name, anyHostile, List.of(badValues)));
		return new Operation(this.method, this.path, this.caller, this.body, this.fields, more, this.idempotencyKey);
	}

	public Operation withIdempotencyKey(IdempotencyKey idempotencyKey) {
		return new Operation(this.method, this.path, this.caller, this.body, this.fields, this.queries, idempotencyKey);
	}

	public boolean hasBody() {
		return this.body != null;
	}

	/** A query parameter and values it refuses. */
	public record Query(String name, boolean anyHostile, List<String> badValues) {
	}

	/** How an operation treats the {@code Idempotency-Key} header. */
	public enum IdempotencyKey {

		NONE, OPTIONAL, REQUIRED

	}

}
