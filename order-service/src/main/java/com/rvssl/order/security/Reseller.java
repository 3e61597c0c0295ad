package com.rvssl.order.security;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reseller as far as this service needs it: who they are and the hash of their API key.
 */
@Document("resellers")
public record Reseller(@Id String id, String name, String currency, String apiKeyHash, Instant registeredAt) {
}
