package com.rvssl.notify.webhooks;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** The registered webhook endpoints, by reseller id. */
public interface WebhookEndpoints extends ReactiveCrudRepository<WebhookEndpoint, String> {

}
