package com.rvssl.kit.test.badinput;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Edits of a valid JSON body: one value replaced (by a JSON literal written as is, so
 * that {@code 1e309} or a 3,000-deep nesting survive), one field removed, and the strict
 * check of whether a text is JSON at all.
 */
final class JsonTemplates {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final String MARKER = "@@raw-literal-4b1f@@";

	private JsonTemplates() {
	}

	/** The template with the value at {@code pointer} replaced by a JSON literal. */
	static byte[] replace(String template, String pointer, String literal) {
		JsonNode root = JSON.readTree(template);
		set(root, pointer, StringNode.valueOf(MARKER));
		String text = JSON.writeValueAsString(root);
		return text.replace("\"" + MARKER + "\"", literal).getBytes(StandardCharsets.UTF_8);
	}

	/** The template without the field at {@code pointer}. */
	static byte[] remove(String template, String pointer) {
		JsonNode root = JSON.readTree(template);
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = root.at(pointer.substring(0, slash));
		String name = pointer.substring(slash + 1);
		if (parent instanceof ObjectNode object) {
			object.remove(name);
		}
		else if (parent instanceof ArrayNode array) {
			array.remove(Integer.parseInt(name));
		}
		return JSON.writeValueAsBytes(root);
	}

	/** A string as a JSON literal. */
	static String string(String value) {
		return JSON.writeValueAsString(value);
	}

	/** Whether a strict parser refuses the bytes as JSON. */
	static boolean malformed(byte[] body) {
		try {
			STRICT.readTree(body);
			return false;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return true;
		}
	}

	private static void set(JsonNode root, String pointer, JsonNode value) {
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = root.at(pointer.substring(0, slash));
		String name = pointer.substring(slash + 1);
		if (parent instanceof ObjectNode object) {
			object.set(name, value);
		}
		else if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(name), value);
		}
		else {
			throw new IllegalArgumentException("no container at " + pointer);
		}
	}

}
