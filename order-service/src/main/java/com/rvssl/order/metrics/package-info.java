/**
 * Operational metrics that are not about one order: the orders in flight by state (the
 * service kit counts dead letters).
 */
package com.rvssl.order.metrics;
