package com.rvssl.billing.page;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.rvssl.billing.charging.PendingWork;
import com.rvssl.billing.ledger.CreditLedger;
import com.rvssl.billing.orderstatus.OrderStatusProjection;
import com.rvssl.billing.payments.TopUpPayments;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.WebSession;

/**
 * The reseller's account page: balance, the orders waiting for payment, every order's
 * status, a page of the ledger, the latest top-ups and their payments, the forms, and
 * when the session ends. It shows the signed-in reseller's own account only: the id comes
 * from the session, never from the request.
 */
@Controller
class AccountPageController {

	static final int LEDGER_PAGE_SIZE = 10;

	static final int TOP_UPS_SHOWN = 5;

	private final PendingWork accounts;

	private final CreditLedger ledger;

	private final TopUpPayments topUps;

	private final OrderStatusProjection orders;

	private final PageProperties properties;

	private final Clock clock;

	AccountPageController(PendingWork accounts, CreditLedger ledger, TopUpPayments topUps, OrderStatusProjection orders,
			PageProperties properties, Clock clock) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.topUps = topUps;
		this.orders = orders;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/account")
	Mono<Rendering> page(@AuthenticationPrincipal String resellerId, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "0") int ledgerPage, WebSession session) {
		int pageNumber = Math.max(0, ledgerPage);
		// a signed-in reseller's account always exists; settled, so the ledger shows
		// every movement
		return accounts.settledAccount(resellerId)
			.flatMap((account) -> Mono
				.zip(ledger.page(resellerId, pageNumber, LEDGER_PAGE_SIZE),
						orders.ofReseller(resellerId, OrderLine.SHOWN).collectList(),
						topUps.latest(resellerId, TOP_UPS_SHOWN).map(TopUpLine::of).collectList())
				.map((parts) -> Rendering.view("account")
					.modelAttribute("page", new AccountPage(account.name(), account.id(),
							MoneyText.of(account.balance(), account.currency()), account.currency(),
							MoneyText.of(account.lowCreditThreshold(), account.currency()),
							WaitingLine.of(account, parts.getT2()), parts.getT2().stream().map(OrderLine::of).toList(),
							LedgerPage.of(parts.getT1()), parts.getT3(), Notice.forAccount(params), TopUpFormKey.next(),
							sessionWords(session), properties.liveInterval().toMillis()))
					.build()));
	}

	private String sessionWords(WebSession session) {
		Instant signedInAt = session.getAttribute(PageSecurity.SIGNED_IN_AT);
		Instant end = ((signedInAt != null) ? signedInAt : clock.instant()).plus(properties.sessionLifetime());
		return "You will be signed out at " + TimeText.of(end) + " at the latest, or after "
				+ TimeText.of(session.getMaxIdleTime()) + " without this page open.";
	}

}
