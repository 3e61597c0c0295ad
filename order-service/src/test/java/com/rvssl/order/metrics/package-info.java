/** The operational metrics counted from the store: the orders in flight by state. */
package com.rvssl.order.metrics;
