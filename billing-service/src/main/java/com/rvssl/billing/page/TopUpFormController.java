package com.rvssl.billing.page;

import java.net.URI;
import java.util.Optional;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.charging.PendingWork;
import com.rvssl.billing.charging.TopUps.IdempotencyKeyReusedException;
import com.rvssl.billing.payments.PaymentProvider;
import com.rvssl.billing.payments.TopUpPayments;
import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The page's top-up form: the same top-up as the API's, a payment to make, keyed by the
 * form's {@link TopUpFormKey} so that sending one form twice asks for one payment. The
 * answer sends the browser to the provider's payment page; the credit (and the release of
 * waiting orders) follows the provider's confirmation, and the page lists the top-up with
 * its status meanwhile. A refusal goes back to the page with the reason.
 */
@Controller
class TopUpFormController {

	private final PendingWork accounts;

	private final TopUpPayments topUps;

	TopUpFormController(PendingWork accounts, TopUpPayments topUps) {
		this.accounts = accounts;
		this.topUps = topUps;
	}

	@PostMapping("/account/top-ups")
	Mono<ResponseEntity<Void>> topUp(@AuthenticationPrincipal String resellerId, ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(accounts.settledAccount(resellerId)).flatMap((parts) -> {
			MultiValueMap<String, String> form = parts.getT1();
			Account account = parts.getT2();
			String formKey = form.getFirst("topUpKey");
			if (!TopUpFormKey.isWellFormed(formKey)) {
				return Mono.just(SeeOther.account("refused", "form"));
			}
			Optional<Long> amount = MoneyText.minorUnits(form.getFirst("amount"), account.currency())
				.filter((minor) -> minor > 0);
			if (amount.isEmpty()) {
				return Mono.just(SeeOther.account("problem", "amount"));
			}
			String reference = Optional.ofNullable(form.getFirst("reference"))
				.map(String::trim)
				.filter((text) -> !text.isEmpty())
				.orElse(null);
			if (reference != null && reference.length() > 200) {
				return Mono.just(SeeOther.account("problem", "reference"));
			}
			return topUps
				.start(resellerId, TopUpFormKey.idempotencyKey(formKey), Money.of(amount.get(), account.currency()),
						reference)
				.map((started) -> (started.topUp().paymentUrl() != null)
						? SeeOther.payment(URI.create(started.topUp().paymentUrl()))
						: SeeOther.account("topUp", started.topUp().id()))
				.onErrorResume(IdempotencyKeyReusedException.class,
						(ex) -> Mono.just(SeeOther.account("problem", "key-reused")))
				.onErrorResume(PaymentProvider.Unavailable.class,
						(ex) -> Mono.just(SeeOther.account("problem", "provider")));
		});
	}

}
