package com.rvssl.statussync.tracking;

import java.util.List;

import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.statussync.gateway.CaStatus;

/**
 * What a CA answer means for a tracked order: its next state and the events it causes.
 */
public record Observation(CaStatus status, TrackingState state, List<OrderEvent> events, CheckOutcome outcome) {

	public Observation {
		events = List.copyOf(events);
	}

	public boolean isFinal() {
		return state != TrackingState.OUTSTANDING;
	}

}
