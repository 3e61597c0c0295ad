/** Kafka: listeners of the orders and accounts topics, topics and dead-letter error handling. */
package com.rvssl.notify.messaging;
