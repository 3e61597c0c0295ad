package com.rvssl.billing.accounts;

import java.time.Clock;
import java.util.UUID;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.ResellerRegistered;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Opens a reseller's account at balance zero and announces it (with the key's hash) via the outbox. */
@Service
public class ResellerRegistration {

	private final AccountStore accounts;

	private final Clock clock;

	ResellerRegistration(AccountStore accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	public Mono<Registered> register(String name, String currency, String email) {
		String resellerId = UUID.randomUUID().toString();
		String apiKey = ApiKeys.newKey();
		String keyHash = ApiKeys.sha256Hex(apiKey);
		EventEnvelope event = EventEnvelope.of(resellerId, resellerId,
				new ResellerRegistered(name, currency, keyHash, email));
		Account account = Account.open(resellerId, name, currency, email, keyHash, clock.instant(),
				OutboxEntry.of(event));
		return accounts.insert(account).map((saved) -> new Registered(saved, apiKey));
	}

	/** The new account and its key, which exists nowhere else once this is returned. */
	public record Registered(Account account, String apiKey) {
	}

}
