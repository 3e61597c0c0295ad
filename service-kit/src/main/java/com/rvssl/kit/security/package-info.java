/**
 * Deny by default for every service, on Spring Security for WebFlux: the strict firewall
 * first, then a key on every path that is not listed as public; reseller, operator and
 * service keys compared only as SHA-256 hashes, in constant time; each service with
 * resellers supplies the {@link com.rvssl.kit.security.ApiKeyResolver}.
 */
package com.rvssl.kit.security;
