/** Kafka: the orders listener, the outbox relay, topics and the dead-letter error handling. */
package com.rvssl.statussync.messaging;
