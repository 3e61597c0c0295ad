package com.rvssl.sandbox.push;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.SandboxProperties;

/**
 * Where each Sectigo account's status pushes go (at the real Sectigo, set by the account
 * manager), by login name: the default account's from {@code sandbox.sectigo.push-url},
 * each further login's from {@code sandbox.sectigo.accounts[].push-url}, any account's
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
		for (SandboxProperties.SectigoAccount account : properties.sectigo().accounts()) {
			if (account.pushUrl() != null && !account.pushUrl().isBlank()) {
				this.urls.put(account.loginName(), account.pushUrl());
			}
		}
	}

	public void set(String loginName, String url) {
		this.urls.put(loginName, url);
	}

	/** Where the default login's orders push. */
	public Optional<String> forDefaultAccount() {
		return forAccount(this.defaultAccount);
	}

	/** Where this login's orders push (null: the default login's). */
	public Optional<String> forAccount(String loginName) {
		return Optional.ofNullable(this.urls.get((loginName != null) ? loginName : this.defaultAccount));
	}

	public Map<String, String> all() {
		return Map.copyOf(this.urls);
	}

}
