/**
 * The contract between the RVssl services: the event envelope, its JSON wire form, the
 * Kafka topics and the value types the events carry. No service logic lives here.
 */
package com.rvssl.contracts;
