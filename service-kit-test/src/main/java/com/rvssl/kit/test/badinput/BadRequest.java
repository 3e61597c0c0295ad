package com.rvssl.kit.test.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated request that the API must refuse. {@code target} is the path and query,
 * already percent-encoded where needed; names in braces ({@code {own-order}}) are the
 * run's fixtures, filled in when it is sent.
 *
 * @param kind the class of bad input, for the counts
 * @param method the HTTP method
 * @param target path and query
 * @param credential whose key goes into {@code Authorization}
 * @param headers further headers, in order
 * @param contentType the {@code Content-Type}, or null for none
 * @param body the body bytes, or null for none
 */
public record BadRequest(String kind, String method, String target, Credential credential, List<Header> headers,
		String contentType, byte[] body) {

	public BadRequest {
		headers = List.copyOf(headers);
	}

	static BadRequest of(String kind, Operation operation, String target, String contentType, byte[] body) {
		return new BadRequest(kind, operation.method(), target, operation.caller(), List.of(), contentType, body);
	}

	BadRequest withHeader(String name, String value) {
		List<Header> more = new ArrayList<>(this.headers);
		more.add(new Header(name, value));
		return new BadRequest(this.kind, this.method, this.target, this.credential, more, this.contentType, this.body);
	}

	BadRequest withCredential(Credential credential) {
		return new BadRequest(this.kind, this.method, this.target, credential, this.headers, this.contentType,
				this.body);
	}

	/** Short enough for a failure report. */
	public String describe() {
		StringBuilder text = new StringBuilder(this.kind).append(": ")
			.append(this.method)
			.append(' ')
			.append(abbreviate(this.target, 200))
			.append(" as ")
			.append(this.credential);
		for (Header header : this.headers) {
			text.append(", ").append(header.name()).append(": ").append(abbreviate(header.value(), 60));
		}
		if (this.contentType != null) {
			text.append(", Content-Type: ").append(this.contentType);
		}
		if (this.body != null) {
			text.append(", body (")
				.append(this.body.length)
				.append(" bytes): ")
				.append(abbreviate(new String(this.body, StandardCharsets.UTF_8), 300));
		}
		return text.toString();
	}

	static String abbreviate(String text, int max) {
		String printable = text.codePoints()
			.mapToObj((c) -> (c < 0x20 || c == 0x7f) ? String.format("\\x%02x", c) : Character.toString(c))
			.reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append)
			.toString();
		return (printable.length() <= max) ? printable
				: printable.substring(0, max) + "...(" + text.length() + " chars)";
	}

}
