package com.rvssl.billing.page;

import java.util.List;

import com.rvssl.kit.security.ApiKeyResolver;
import com.rvssl.kit.security.ApiKeys;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Signs a reseller in with its API key, checked exactly as the API checks it (its
 * SHA-256, by the same {@link ApiKeyResolver}). The session keeps only the reseller's id:
 * the key itself is never stored, neither on the server nor in the browser. The operator
 * key opens no account page: the resolver knows only resellers' keys.
 *
 * <p>
 * Not a bean: a second {@link ReactiveAuthenticationManager} bean beside the service
 * kit's would leave Spring Security without a default one to pick.
 */
class ApiKeySignIn implements ReactiveAuthenticationManager, ServerAuthenticationConverter {

	static final String FIELD = "apiKey";

	private final ApiKeyResolver resellers;

	ApiKeySignIn(ApiKeyResolver resellers) {
		this.resellers = resellers;
	}

	/**
	 * The key from the sign-in form; an empty one still goes on, to be refused in words.
	 */
	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		if (exchange.getRequest().getMethod() != HttpMethod.POST) {
			return Mono.empty();
		}
		return exchange.getFormData().map((form) -> {
			String key = form.getFirst(FIELD);
			return UsernamePasswordAuthenticationToken.unauthenticated(null, (key == null) ? "" : key.trim());
		});
	}

	@Override
	public Mono<Authentication> authenticate(Authentication attempt) {
		String key = String.valueOf(attempt.getCredentials());
		if (key.isBlank() || key.length() > 200) {
			return Mono.error(new BadCredentialsException("no key"));
		}
		return resellers.resellerIdOf(ApiKeys.hash(key))
			.<Authentication>map((resellerId) -> UsernamePasswordAuthenticationToken.authenticated(resellerId, null,
					List.of(new SimpleGrantedAuthority("ROLE_RESELLER"))))
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown key")));
	}

}
