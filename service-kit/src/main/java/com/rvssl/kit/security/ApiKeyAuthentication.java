package com.rvssl.kit.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** An API key on its way to be checked, then the {@link Caller} it belongs to. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final String key;

	private final Caller caller;

	private ApiKeyAuthentication(String key, Caller caller) {
		super((caller == null) ? List.of() : AuthorityUtils.createAuthorityList("ROLE_" + caller.role().name()));
		this.key = key;
		this.caller = caller;
		setAuthenticated(caller != null);
	}

	static ApiKeyAuthentication unauthenticated(String key) {
		return new ApiKeyAuthentication(key, null);
	}

	static ApiKeyAuthentication of(Caller caller) {
		return new ApiKeyAuthentication(null, caller);
	}

	/** The key as sent; null once authenticated, so that it is not kept. */
	@Override
	public Object getCredentials() {
		return key;
	}

	@Override
	public Caller getPrincipal() {
		return caller;
	}

}
