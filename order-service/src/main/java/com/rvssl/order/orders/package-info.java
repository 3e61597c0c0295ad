/**
 * The order aggregate: one MongoDB document holding the state, its timeline, the ids of
 * the events already applied and the events still to publish (the outbox), so every
 * change is one atomic update. {@link com.rvssl.order.orders.OrderState} is the state
 * machine; {@link com.rvssl.order.orders.OrderLifecycle} turns events into transitions.
 */
package com.rvssl.order.orders;
