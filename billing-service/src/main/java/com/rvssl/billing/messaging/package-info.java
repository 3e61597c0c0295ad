/** Kafka: topics, the dead-letter error handling, the orders listener and the outbox relay. */
package com.rvssl.billing.messaging;
