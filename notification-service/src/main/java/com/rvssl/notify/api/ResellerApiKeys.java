package com.rvssl.notify.api;

import com.rvssl.kit.security.ApiKeyResolver;
import com.rvssl.notify.recipients.Reseller;
import com.rvssl.notify.recipients.Resellers;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The API keys the service kit accepts besides the operator's: each reseller's, by the
 * hash its {@code ResellerRegistered} carried. A component rather than the repository
 * itself, so that the kit's security configuration sees it before Spring Data's
 * repositories are registered.
 */
@Component
class ResellerApiKeys implements ApiKeyResolver {

	private final Resellers resellers;

	ResellerApiKeys(Resellers resellers) {
		this.resellers = resellers;
	}

	@Override
	public Mono<String> resellerIdOf(String apiKeyHash) {
		return resellers.findFirstByApiKeyHash(apiKeyHash).map(Reseller::resellerId);
	}

}
