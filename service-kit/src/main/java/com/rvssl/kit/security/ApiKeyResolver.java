package com.rvssl.kit.security;

import reactor.core.publisher.Mono;

/**
 * What a service supplies to the kit's API-key authentication: the reseller registered
 * with a key hash (billing from its accounts, the other services from the
 * {@code ResellerRegistered} events they kept). A service without resellers (ca-gateway,
 * status-sync) declares none and accepts only the operator and service keys.
 */
@FunctionalInterface
public interface ApiKeyResolver {

	/** The id of the reseller whose key has this SHA-256 hex, or empty when none has. */
	Mono<String> resellerIdOf(String apiKeyHash);

}
