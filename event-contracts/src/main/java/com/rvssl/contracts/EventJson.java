package com.rvssl.contracts;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.rvssl.contracts.events.Event;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stable JSON form of an {@link EventEnvelope}: the envelope fields, then
 * {@code payload}. The payload's class is found from {@code type} among the permitted
 * events, so a new event only has to be added to the sealed hierarchy.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Map<String, Class<? extends Event>> TYPES = eventClasses(Event.class)
		.collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

	private EventJson() {
	}

	/** Every concrete event type, by its JSON {@code type}. */
	public static Map<String, Class<? extends Event>> types() {
		return TYPES;
	}

	public static byte[] write(EventEnvelope envelope) {
		return MAPPER.writeValueAsBytes(envelope);
	}

	public static String writeString(EventEnvelope envelope) {
		return MAPPER.writeValueAsString(envelope);
	}

	/**
	 * Reads an envelope.
	 * @throws MalformedEventException when the bytes are not an envelope of a known event
	 * type
	 */
	public static EventEnvelope read(byte[] json) {
		try {
			return fromTree(MAPPER.readTree(json));
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new MalformedEventException("not a readable event: " + ex.getMessage(), ex);
		}
	}

	public static EventEnvelope read(String json) {
		return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static EventEnvelope fromTree(JsonNode root) {
		String type = required(root, "type");
		Class<? extends Event> payloadType = TYPES.get(type);
		if (payloadType == null) {
			throw new MalformedEventException("unknown event type " + type, null);
		}
		JsonNode payload = root.get("payload");
		if (payload == null || !payload.isObject()) {
			throw new MalformedEventException(type + " has no payload", null);
		}
		return new EventEnvelope(UUID.fromString(required(root, "eventId")), type,
				root.path("schemaVersion").asInt(Event.SCHEMA_VERSION), Instant.parse(required(root, "occurredAt")),
				optional(root, "orderId"), required(root, "resellerId"), optional(root, "correlationId"),
				MAPPER.treeToValue(payload, payloadType));
	}

	private static String required(JsonNode root, String field) {
		String value = optional(root, field);
		if (value == null) {
			throw new MalformedEventException("missing " + field, null);
		}
		return value;
	}

	private static String optional(JsonNode root, String field) {
		JsonNode node = root.get(field);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	@SuppressWarnings("unchecked")
	private static Stream<Class<? extends Event>> eventClasses(Class<?> type) {
		if (type.isRecord()) {
			return Stream.of((Class<? extends Event>) type);
		}
		return Arrays.stream(type.getPermittedSubclasses()).flatMap(EventJson::eventClasses);
	}

	/**
	 * The bytes on the wire are not an event this version understands: a poison record.
	 */
	public static class MalformedEventException extends RuntimeException {

		MalformedEventException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
