package com.rvssl.contracts.events;

/**
 * An operator created a reseller account. {@code apiKeyHash} is the SHA-256 hex of the
 * reseller's API key, so every service that authenticates resellers can check the same
 * key without seeing it.
 */
public record ResellerRegistered(String name, String currency, String apiKeyHash,
		String email) implements AccountEvent {
}
