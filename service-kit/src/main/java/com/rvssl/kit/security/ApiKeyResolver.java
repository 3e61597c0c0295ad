package com.rvssl.kit.security;

import reactor.core.publisher.Mono;

/**
 * What a service supplies to the kit's API-key authentication: the reseller registered
 * with a key hash (billing from its accounts, the other services from the
 * {@code ResellerRegistered} events they kept). Declaring this bean switches API-key
 * authentication on for the service's API paths.
 */
@FunctionalInterface
public interface ApiKeyResolver {

	/** The id of the reseller whose key has this SHA-256 hex, or empty when none has. */
	Mono<String> resellerIdOf(String apiKeyHash);

}
