package com.rvssl.billing.charging;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.AccountStore;
import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The reseller's low-credit line: below it, the next charge sends CreditLow (once per
 * crossing, see {@link AccountChange}) so notifications can tell the reseller to pay
 * before orders start waiting.
 */
@Service
public class LowCreditLine {

	private final AccountStore accounts;

	LowCreditLine(AccountStore accounts) {
		this.accounts = accounts;
	}

	/** Sets the line in the account's currency; 0 switches the signal off. */
	public Mono<Account> set(String resellerId, Money threshold) {
		return accounts.find(resellerId)
			.switchIfEmpty(Mono.error(() -> new UnknownResellerException(resellerId)))
			.flatMap((account) -> {
				if (!threshold.currency().equals(account.currency())) {
					return Mono.error(new CurrencyMismatchException(threshold.currency(), account.currency()));
				}
				return accounts.setLowCreditThreshold(resellerId, threshold.amount());
			});
	}

}
