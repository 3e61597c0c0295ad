/**
 * Kafka: the orders listeners (charging and the order-status projection), what billing
 * adds to the service kit's error handling, and the accounts' outboxes for the kit's
 * relay.
 */
package com.rvssl.billing.messaging;
