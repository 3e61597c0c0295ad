/** Kafka serializer and deserializer for the event envelope. */
package com.rvssl.contracts.kafka;
