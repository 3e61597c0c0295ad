package com.rvssl.notify.security;

import com.rvssl.notify.recipients.Resellers;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization: Bearer <key>} header into a {@link Caller}: the operator when the
 * key's hash is the configured one, else the reseller whose {@code ResellerRegistered} carried that
 * hash. Anything else is refused with 401.
 */
@Component
public class Authenticator {

	private static final String BEARER = "Bearer ";

	private final Resellers resellers;

	private final SecurityProperties properties;

	public Authenticator(Resellers resellers, SecurityProperties properties) {
		this.resellers = resellers;
		this.properties = properties;
	}

	public Mono<Caller> caller(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				|| authorization.substring(BEARER.length()).isBlank()) {
			return Mono.error(new UnauthorizedException("an API key is required: Authorization: Bearer <key>"));
		}
		String hash = ApiKeys.hash(authorization.substring(BEARER.length()).trim());
		if (ApiKeys.sameHash(hash, properties.operatorKeyHash())) {
			return Mono.just(Caller.theOperator());
		}
		return resellers.findFirstByApiKeyHash(hash)
			.map(reseller -> Caller.reseller(reseller.resellerId()))
			.switchIfEmpty(Mono.error(() -> new UnauthorizedException("unknown API key")));
	}

	public Mono<Caller> operator(String authorization) {
		return caller(authorization).flatMap(caller -> caller.operator() ? Mono.just(caller)
				: Mono.error(new ForbiddenException("only the operator may do this")));
	}

}
