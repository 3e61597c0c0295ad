package com.rvssl.notify.recipients;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reseller as {@code ResellerRegistered} announced it: where to write, and its API
 * key's hash.
 */
@Document("resellers")
public record Reseller(@Id String resellerId, String name, String email, String apiKeyHash) {
}
