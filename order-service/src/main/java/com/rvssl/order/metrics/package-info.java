/** Operational metrics that are not about one order: dead letters, orders by state. */
package com.rvssl.order.metrics;
