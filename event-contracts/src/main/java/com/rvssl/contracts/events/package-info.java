/**
 * The events, one record each; {@code OrderEvent}s are keyed by order,
 * {@code AccountEvent}s by reseller.
 */
package com.rvssl.contracts.events;
