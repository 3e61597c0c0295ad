package com.rvssl.kit.test.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API's {@link Operation}s read from its OpenAPI 3 description: the paths, methods,
 * query parameters, the {@code Idempotency-Key} header and, for each request body, its
 * fields with their types and bounds from the schema. The description has no valid
 * example bodies, so the caller gives one per schema; it also names what the schema
 * cannot say: which unbounded strings are codes (a product code, a CSR) and which query
 * parameters are free filters.
 */
public final class OpenApiOperations {

	static final String[] BAD_INT32 = { "0", "-1", "2147483648", "9223372036854775807", "-9223372036854775808", "1e309",
			"-1e309", "12.5", "NaN" };

	static final String[] BAD_INT64 = { "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
			"1e309", "1999.5", "1e20", "Infinity" };

	static final String[] BAD_QUERY_INTEGERS = { "-1", "2147483648", "99999999999999999999", "1e309", "2.5", "abc",
			"%00" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OpenApiOperations() {
	}

	/**
	 * @param description the OpenAPI document
	 * @param validBodies a valid JSON body per request schema name
	 * @param path the path as the run sends it, from the described one (path parameters
	 * replaced by fixtures)
	 * @param caller who calls a path
	 * @param codes names of string properties that are codes though the schema does not
	 * say so
	 * @param freeQueries {@code "METHOD path name"} of query parameters that take any
	 * text
	 */
	public static List<Operation> from(JsonNode description, Map<String, String> validBodies,
			Function<String, String> path, Function<String, Credential> caller, Set<String> codes,
			Set<String> freeQueries) {
		List<Operation> operations = new ArrayList<>();
		for (var pathEntry : description.path("paths").properties()) {
			for (var methodEntry : pathEntry.getValue().properties()) {
				String method = methodEntry.getKey().toUpperCase(java.util.Locale.ROOT);
				JsonNode operationNode = methodEntry.getValue();
				Operation operation = Operation.of(method, path.apply(pathEntry.getKey()),
						caller.apply(pathEntry.getKey()));
				String ref = operationNode.at("/requestBody/content/application~1json/schema/$ref").asString("");
				if (!ref.isEmpty()) {
					String schemaName = ref.substring(ref.lastIndexOf('/') + 1);
					String body = validBodies.get(schemaName);
					if (body == null) {
						throw new IllegalArgumentException("no valid body given for schema " + schemaName);
					}
					List<Field> fields = new ArrayList<>();
					walk(description, schema(description, ref), JSON.readTree(body), "", null, codes, fields);
					operation = operation.withBody(body, fields.toArray(Field[]::new));
				}
				for (JsonNode parameter : operationNode.path("parameters")) {
					String name = parameter.path("name").asString();
					switch (parameter.path("in").asString()) {
						case "header" -> {
							if (name.equalsIgnoreCase("Idempotency-Key")) {
								operation = operation.withIdempotencyKey(parameter.path("required").asBoolean()
										? Operation.IdempotencyKey.REQUIRED : Operation.IdempotencyKey.OPTIONAL);
							}
						}
						case "query" -> {
							boolean integer = parameter.at("/schema/type").asString("").equals("integer");
							if (integer) {
								operation = operation.withQuery(name, false, BAD_QUERY_INTEGERS);
							}
							else if (!freeQueries.contains(method + " " + pathEntry.getKey() + " " + name)) {
								operation = operation.withQuery(name, true);
							}
						}
						default -> {
						}
					}
				}
				operations.add(operation);
			}
		}
		return operations;
	}

	private static void walk(JsonNode description, JsonNode schema, JsonNode template, String pointer, String name,
			Set<String> codes, List<Field> fields) {
		String type = schema.path("type").asString("");
		switch (type) {
			case "object" -> {
				if (!pointer.isEmpty()) {
					fields.add(Field.object(pointer));
				}
				Set<String> required = new java.util.HashSet<>();
				schema.path("required").forEach((node) -> required.add(node.asString()));
				for (var property : schema.path("properties").properties()) {
					if (!template.has(property.getKey())) {
						continue;
					}
					String childPointer = pointer + "/" + property.getKey();
					JsonNode child = resolve(description, property.getValue());
					int before = fields.size();
					walk(description, child, template.get(property.getKey()), childPointer, property.getKey(), codes,
							fields);
					if (required.contains(property.getKey()) && fields.size() > before) {
						fields.set(before, fields.get(before).mandatory());
					}
				}
			}
			case "array" -> {
				fields.add(Field.array(pointer, schema.path("maxItems").asInt(0)));
				if (template.size() > 0) {
					walk(description, resolve(description, schema.path("items")), template.get(0), pointer + "/0", name,
							codes, fields);
				}
			}
			case "integer" -> fields
				.add(Field.number(pointer, schema.path("format").asString("").equals("int64") ? BAD_INT64 : BAD_INT32));
			case "number" -> fields.add(Field.number(pointer, "1e309", "-1e309", "NaN"));
			case "string" -> {
				boolean constrained = schema.has("pattern") || schema.has("enum") || schema.has("format")
						|| codes.contains(name);
				fields.add(constrained ? Field.code(pointer) : Field.text(pointer, schema.path("maxLength").asInt(0)));
			}
			default -> {
			}
		}
	}

	private static JsonNode resolve(JsonNode description, JsonNode schema) {
		return schema.has("$ref") ? schema(description, schema.path("$ref").asString()) : schema;
	}

	private static JsonNode schema(JsonNode description, String ref) {
		return description.at(ref.substring(1));
	}

}
