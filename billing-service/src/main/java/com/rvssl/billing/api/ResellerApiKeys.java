package com.rvssl.billing.api;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountStore;
import com.rvssl.kit.security.ApiKeyResolver;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The API keys the service kit accepts besides the operator's: each reseller's, by the
 * hash stored in its account. The account page signs in with the same keys.
 */
@Component
class ResellerApiKeys implements ApiKeyResolver {

	private final AccountStore accounts;

	ResellerApiKeys(AccountStore accounts) {
		this.accounts = accounts;
	}

	@Override
	public Mono<String> resellerIdOf(String apiKeyHash) {
		return accounts.findByApiKeyHash(apiKeyHash).map(Account::id);
	}

}
