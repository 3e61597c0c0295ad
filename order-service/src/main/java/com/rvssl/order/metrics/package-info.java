/**
 * Operational metrics that are not about one order: orders by state (the service kit
 * counts dead letters).
 */
package com.rvssl.order.metrics;
