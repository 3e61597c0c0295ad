package com.rvssl.notify.webhooks;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a reseller wants its order events posted, and the secret the posts are signed
 * with. One per reseller (the id is the reseller id), so a second PUT replaces the first.
 */
@Document("webhook_endpoints")
public record WebhookEndpoint(@Id String resellerId, String url, String secret, Instant updatedAt) {
}
