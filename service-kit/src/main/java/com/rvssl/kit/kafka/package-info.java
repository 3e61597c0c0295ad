/**
 * Kafka for every service: the platform's topics, one dead-letter error handler,
 * dead-letter counts.
 */
package com.rvssl.kit.kafka;
