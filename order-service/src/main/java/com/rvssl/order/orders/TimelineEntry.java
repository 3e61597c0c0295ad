package com.rvssl.order.orders;

import java.time.Instant;

/** One line of an order's history: when, the state it was then in, and what happened. */
public record TimelineEntry(Instant at, OrderState state, String note) {
}
