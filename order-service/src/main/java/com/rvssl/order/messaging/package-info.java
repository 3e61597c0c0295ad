/**
 * Kafka: the topics, the listeners that apply the other services' events (one record at a time,
 * so an order's events stay in order) and the outbox relay that publishes ours.
 */
package com.rvssl.order.messaging;
