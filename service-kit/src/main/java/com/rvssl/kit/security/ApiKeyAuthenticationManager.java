package com.rvssl.kit.security;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Checks a key by its SHA-256: the operator when it is the configured operator hash, a
 * service when it is the configured service hash (both compared in constant time), else
 * the reseller the service's {@link ApiKeyResolver} finds for it, else refused.
 */
public class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

	/**
	 * Far longer than any key billing hands out; hashing megabytes of header is not our
	 * job.
	 */
	private static final int LONGEST_KEY = 200;

	private final ApiKeyResolver resolver;

	private final String operatorKeyHash;

	private final String serviceKeyHash;

	public ApiKeyAuthenticationManager(ApiKeyResolver resolver, String operatorKeyHash, String serviceKeyHash) {
		this.resolver = resolver;
		this.operatorKeyHash = operatorKeyHash;
		this.serviceKeyHash = serviceKeyHash;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof ApiKeyAuthentication attempt) || attempt.getCredentials() == null) {
			return Mono.empty();
		}
		String key = (String) attempt.getCredentials();
		if (key.length() > LONGEST_KEY) {
			return Mono.error(new BadCredentialsException("The API key is not known."));
		}
		String hash = ApiKeys.hash(key);
		if (ApiKeys.sameHash(hash, operatorKeyHash)) {
			return Mono.just(ApiKeyAuthentication.of(Caller.theOperator()));
		}
		if (ApiKeys.sameHash(hash, serviceKeyHash)) {
			return Mono.just(ApiKeyAuthentication.of(Caller.aService()));
		}
		return resolver.resellerIdOf(hash)
			.<Authentication>map((resellerId) -> ApiKeyAuthentication.of(Caller.reseller(resellerId)))
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("The API key is not known.")));
	}

}
