package com.rvssl.order.orders;

import com.rvssl.contracts.EventEnvelope;

/**
 * An event's conditional write lost the race: the order changed between reading it and
 * writing the event's change, so the event must be decided again on the order as it is
 * now. Thrown out of the listener only when that keeps happening, so that the listener's
 * error handler retries the record and then dead-letters it instead of committing an
 * event that was never applied.
 */
class OrderContendedException extends RuntimeException {

	OrderContendedException(EventEnvelope envelope) {
		super(envelope.type() + " " + envelope.eventId() + " lost the race for order " + envelope.orderId()
				+ ": the order changed between reading it and writing the event");
	}

}
