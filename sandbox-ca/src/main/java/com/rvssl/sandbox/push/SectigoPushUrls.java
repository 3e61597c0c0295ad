package com.rvssl.sandbox.push;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.SandboxProperties;

/**
 * Where each Sectigo account's status pushes go (at the real Sectigo, set by the account
 * manager): the default account's from {@code sandbox.sectigo.push-url}, any account's
 * through the admin API.
 */
@Component
public class SectigoPushUrls {

	private final Map<String, String> urls = new ConcurrentHashMap<>();

	private final String defaultAccount;

	public SectigoPushUrls(SandboxProperties properties) {
		this.defaultAccount = properties.sectigo().loginName();
		String configured = properties.sectigo().pushUrl();
		if (configured != null && !configured.isBlank()) {
			this.urls.put(this.defaultAccount, configured);
		}
	}

	public void set(String loginName, String url) {
		this.urls.put(loginName, url);
	}

	/** The sandbox has one reseller account: its orders push to its URL. */
	public Optional<String> forDefaultAccount() {
		return Optional.ofNullable(this.urls.get(this.defaultAccount));
	}

	public Map<String, String> all() {
		return Map.copyOf(this.urls);
	}

}
