package com.rvssl.notify.deliveries;

import com.rvssl.contracts.EventEnvelope;

/**
 * A webhook to post because of one order event, to the endpoint the reseller registered
 * at {@code url}.
 */
public record WebhookRequest(EventEnvelope envelope, String url) {
}
