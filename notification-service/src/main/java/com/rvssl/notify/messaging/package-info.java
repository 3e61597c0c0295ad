/**
 * Kafka: listeners of the orders and accounts topics (the topics, retries and dead
 * letters are the service kit's).
 */
package com.rvssl.notify.messaging;
