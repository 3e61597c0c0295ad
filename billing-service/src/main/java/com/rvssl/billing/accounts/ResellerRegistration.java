package com.rvssl.billing.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.ResellerRegistered;
import com.rvssl.kit.outbox.OutboxEntry;
import com.rvssl.kit.security.ApiKeys;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Opens a reseller's account at balance zero and announces it (with the key's hash) via
 * the outbox. The key is random, shown once, and stored only as its hash.
 */
@Service
public class ResellerRegistration {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountStore accounts;

	private final Clock clock;

	ResellerRegistration(AccountStore accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	public Mono<Registered> register(String name, String currency, String email) {
		String resellerId = UUID.randomUUID().toString();
		String apiKey = newApiKey();
		String keyHash = ApiKeys.hash(apiKey);
		EventEnvelope event = EventEnvelope.of(resellerId, resellerId,
				new ResellerRegistered(name, currency, keyHash, email));
		Account account = Account.open(resellerId, name, currency, email, keyHash, clock.instant(),
				OutboxEntry.of(event));
		return accounts.insert(account).map((saved) -> new Registered(saved, apiKey));
	}

	/** {@code rvk_} and 32 URL-safe characters (24 random bytes). */
	private static String newApiKey() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return "rvk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The new account and its key, which exists nowhere else once this is returned. */
	public record Registered(Account account, String apiKey) {
	}

}
