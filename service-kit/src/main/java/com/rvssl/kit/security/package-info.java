/**
 * API-key authentication for every service's API, on Spring Security for WebFlux: keys
 * compared only as SHA-256 hashes, in constant time; each service supplies the
 * {@link com.rvssl.kit.security.ApiKeyResolver}.
 */
package com.rvssl.kit.security;
