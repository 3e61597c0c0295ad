package com.rvssl.order.orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rvssl.contracts.EventEnvelope;

/**
 * One atomic change of an order: its (possibly unchanged) state, the timeline entry
 * saying why, the facts to set for the views, and the events the change causes.
 */
public record OrderChange(OrderState state, TimelineEntry entry, Map<String, Object> facts,
		List<EventEnvelope> events) {

	public OrderChange {
		facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
		events = List.copyOf(events);
	}

	static OrderChange to(OrderState state, TimelineEntry entry) {
		return new OrderChange(state, entry, Map.of(), List.of());
	}

	/**
	 * The same change, also setting {@code field} (null values are stored as null,
	 * clearing a stale fact).
	 */
	OrderChange with(String field, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(facts);
		more.put(field, value);
		return new OrderChange(state, entry, more, events);
	}

	OrderChange causing(EventEnvelope event) {
		List<EventEnvelope> more = new ArrayList<>(events);
		more.add(event);
		return new OrderChange(state, entry, facts, more);
	}

}
