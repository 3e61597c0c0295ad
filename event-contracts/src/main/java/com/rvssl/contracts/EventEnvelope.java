package com.rvssl.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.rvssl.contracts.events.AccountEvent;
import com.rvssl.contracts.events.Event;
import com.rvssl.contracts.events.OrderEvent;

/**
 * What travels on Kafka: identity and routing of one event, then its payload.
 * {@code eventId} is what consumers remember to apply an event at most once;
 * {@code correlationId} ties together the events one request caused.
 */
public record EventEnvelope(UUID eventId, String type, int schemaVersion, Instant occurredAt, String orderId,
		String resellerId, String correlationId, Event payload) {

	public EventEnvelope {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(resellerId, "resellerId");
		Objects.requireNonNull(payload, "payload");
		if (!payload.type().equals(type)) {
			throw new IllegalArgumentException("type " + type + " does not match payload " + payload.type());
		}
		if (payload instanceof OrderEvent && orderId == null) {
			throw new IllegalArgumentException(type + " needs an orderId");
		}
	}

	/** A new event of an order, happening now. */
	public static EventEnvelope of(String orderId, String resellerId, String correlationId, OrderEvent payload) {
		return new EventEnvelope(UUID.randomUUID(), payload.type(), Event.SCHEMA_VERSION, Instant.now(), orderId,
				resellerId, correlationId, payload);
	}

	/** A new event of a reseller's account, happening now. */
	public static EventEnvelope of(String resellerId, String correlationId, AccountEvent payload) {
		return new EventEnvelope(UUID.randomUUID(), payload.type(), Event.SCHEMA_VERSION, Instant.now(), null,
				resellerId, correlationId, payload);
	}

	/** The topic this event belongs on. */
	public String topic() {
		return (payload instanceof OrderEvent) ? Topics.ORDERS : Topics.ACCOUNTS;
	}

	/**
	 * The record key: the order id, so all of an order's events stay in order; else the
	 * reseller id.
	 */
	public String key() {
		return (orderId != null) ? orderId : resellerId;
	}

}
