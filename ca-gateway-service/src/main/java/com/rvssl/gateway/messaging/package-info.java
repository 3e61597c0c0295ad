/**
 * Kafka in and out: the listener of the orders topic (one record at a time, each finished
 * before the next, which keeps an order's events in order) and the submissions' outbox,
 * which the service kit's relay publishes. The topics and the dead-letter handling come
 * from the kit too.
 */
package com.rvssl.gateway.messaging;
