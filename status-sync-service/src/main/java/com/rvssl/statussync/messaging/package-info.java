/**
 * Kafka: the orders listener. Topics, dead letters and the outbox relay are the service
 * kit's.
 */
package com.rvssl.statussync.messaging;
