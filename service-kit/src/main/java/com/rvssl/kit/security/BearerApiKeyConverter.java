package com.rvssl.kit.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads {@code Authorization: Bearer <key>} (the scheme in any case, as RFC 9110 allows).
 * No header, another scheme or an empty key yields nothing, which the entry point answers
 * with 401; so do two {@code Authorization} headers.
 */
public class BearerApiKeyConverter implements ServerAuthenticationConverter {

	private static final String BEARER = "Bearer ";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		java.util.List<String> headers = exchange.getRequest().getHeaders().get(HttpHeaders.AUTHORIZATION);
		if (headers != null && headers.size() > 1) {
			// two keys: neither is taken, rather than acting for whichever comes first
			return Mono
				.error(new BadCredentialsException("Send one Authorization header, not " + headers.size() + "."));
		}
		String header = (headers != null && !headers.isEmpty()) ? headers.get(0) : null;
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Mono.empty();
		}
		String key = header.substring(BEARER.length()).trim();
		return key.isEmpty() ? Mono.empty() : Mono.just(ApiKeyAuthentication.unauthenticated(key));
	}

}
