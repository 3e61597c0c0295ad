/**
 * Kafka in and out: the listener of the orders topic (one record at a time, each finished before
 * the next, which keeps an order's events in order), the topics, the dead-letter handling, and the
 * relay that publishes the submissions' outbox.
 */
package com.rvssl.gateway.messaging;
