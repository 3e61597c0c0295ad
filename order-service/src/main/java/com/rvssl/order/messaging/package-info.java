/**
 * Kafka: the listeners that apply the other services' events (one record at a time, so an
 * order's events stay in order) and the outbox the kit's relay publishes ours from.
 * Topics, retries and dead letters come from the service kit.
 */
package com.rvssl.order.messaging;
