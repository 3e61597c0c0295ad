package com.rvssl.billing.page;

import java.util.Optional;

import com.rvssl.billing.charging.LowCreditLine;
import com.rvssl.billing.charging.PendingWork;
import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The page's low-credit form: the line under which a charge warns the reseller, in its
 * account's currency.
 */
@Controller
class LowCreditFormController {

	private final PendingWork accounts;

	private final LowCreditLine lowCreditLine;

	LowCreditFormController(PendingWork accounts, LowCreditLine lowCreditLine) {
		this.accounts = accounts;
		this.lowCreditLine = lowCreditLine;
	}

	@PostMapping("/account/low-credit-threshold")
	Mono<ResponseEntity<Void>> lowCreditThreshold(@AuthenticationPrincipal String resellerId,
			ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(accounts.settledAccount(resellerId)).flatMap((parts) -> {
			String currency = parts.getT2().currency();
			Optional<Long> threshold = MoneyText.minorUnits(parts.getT1().getFirst("threshold"), currency);
			if (threshold.isEmpty()) {
				return Mono.just(SeeOther.account("problem", "threshold"));
			}
			return lowCreditLine.set(resellerId, Money.of(threshold.get(), currency))
				.thenReturn(SeeOther.account("saved", "threshold"));
		});
	}

}
