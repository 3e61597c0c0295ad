package com.rvssl.sandbox.api.sectigo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A reply of the reseller API: {@code errorCode} first, then {@code key=value} lines (or
 * bare value lines such as the DCV address list's {@code level2_email\tadmin@...}).
 */
final class SectigoReply {

	private final List<String[]> lines = new ArrayList<>();

	private SectigoReply(int errorCode) {
		add("errorCode", Integer.toString(errorCode));
	}

	static SectigoReply code(int errorCode) {
		return new SectigoReply(errorCode);
	}

	/**
	 * A refusal: {@code errorCode}, the argument at fault (if any), then
	 * {@code errorMessage}.
	 */
	static SectigoReply error(int errorCode, String errorItem, String message) {
		SectigoReply reply = new SectigoReply(errorCode);
		if (errorItem != null) {
			reply.add("errorItem", errorItem);
		}
		return reply.add("errorMessage", message);
	}

	SectigoReply add(String key, String value) {
		this.lines.add(new String[] { key, (value != null) ? value : "" });
		return this;
	}

	/** The value of the first line with this key, or null. */
	String get(String key) {
		return this.lines.stream()
			.filter((line) -> key.equals(line[0]))
			.map((line) -> line[1])
			.findFirst()
			.orElse(null);
	}

	/** A line with no key, such as {@code level2_email\tadmin@example.com}. */
	SectigoReply line(String text) {
		this.lines.add(new String[] { null, text });
		return this;
	}

	/** {@code responseFormat=0}: one line each; {@code 1}: one URL-encoded line. */
	String render(String responseFormat) {
		if ("1".equals(responseFormat)) {
			return this.lines.stream()
				.filter((line) -> line[0] != null)
				.map((line) -> encode(line[0]) + "=" + encode(line[1]))
				.collect(Collectors.joining("&"));
		}
		return this.lines.stream()
			.map((line) -> (line[0] != null) ? line[0] + "=" + line[1] : line[1])
			.collect(Collectors.joining("\n", "", "\n"));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
