package com.rvssl.billing.page;

import java.util.List;

/**
 * What the account page shows, every value already in the reseller's words.
 *
 * @param topUps the latest top-ups, newest first, with where to pay those still unpaid
 * @param topUpKey the key of this rendering's top-up form ({@link TopUpFormKey})
 * @param session when the session ends, in words
 * @param liveIntervalMillis how often the open page polls {@code /account/live}
 */
public record AccountPage(String name, String resellerId, String balance, String currency, String lowCreditThreshold,
		List<WaitingLine> waiting, List<OrderLine> orders, LedgerPage ledger, List<TopUpLine> topUps, Notice notice,
		String topUpKey, String session, long liveIntervalMillis) {
}
