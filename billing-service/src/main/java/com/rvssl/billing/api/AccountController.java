package com.rvssl.billing.api;

import java.time.Instant;
import java.util.List;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.charging.LowCreditLine;
import com.rvssl.billing.charging.PendingWork;
import com.rvssl.billing.ledger.CreditLedger;
import com.rvssl.billing.ledger.EntryType;
import com.rvssl.billing.ledger.LedgerEntry;
import com.rvssl.billing.payments.TopUpPayments;
import com.rvssl.contracts.Money;
import com.rvssl.kit.security.Caller;
import com.rvssl.kit.validation.IsoCurrency;
import com.rvssl.kit.validation.MoneyAmounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reseller's account with the provider: balance, top-ups, ledger and the orders
 * waiting for payment.
 */
@RestController
@RequestMapping("/api/v1/account")
class AccountController {

	static final String WAITING_STATUS = "Waiting for Payment";

	/** Reseller ids are short; a longer one is not an id. */
	static final int MAX_ID_LENGTH = 100;

	// page * size stays a skip MongoDB takes (an int), far beyond any real ledger
	private static final int MAX_PAGE = 1_000_000;

	private final PendingWork accounts;

	private final TopUpPayments payments;

	private final CreditLedger ledger;

	private final LowCreditLine lowCreditLine;

	AccountController(PendingWork accounts, TopUpPayments payments, CreditLedger ledger, LowCreditLine lowCreditLine) {
		this.accounts = accounts;
		this.payments = payments;
		this.ledger = ledger;
		this.lowCreditLine = lowCreditLine;
	}

	@GetMapping
	Mono<AccountView> account(@RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String resellerId,
			ServerWebExchange exchange) {
		return account(AccountScope.resellerId(Caller.of(exchange), resellerId)).map(AccountView::of);
	}

	/**
	 * The balance under which a charge sends CreditLow (once per crossing); 0 switches it
	 * off.
	 */
	@PutMapping(path = "/low-credit-threshold", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<AccountView> lowCreditThreshold(@RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String resellerId,
			@Valid @RequestBody ThresholdRequest request, ServerWebExchange exchange) {
		String id = AccountScope.resellerId(Caller.of(exchange), resellerId);
		return lowCreditLine.set(id, Money.of(request.threshold().amount(), request.threshold().currency()))
			.then(account(id))
			.map(AccountView::of);
	}

	/**
	 * A top-up is a payment to make: 201 with where to pay it, and no credit until the
	 * payment provider confirms it.
	 */
	@PostMapping(path = "/top-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<TopUpView>> topUp(@RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String resellerId,
			@RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody TopUpRequest request,
			ServerWebExchange exchange) {
		if (exchange.getRequest().getHeaders().getOrEmpty("Idempotency-Key").size() > 1) {
			// two keys would be read as one joined by a comma: a new key every time
			return Mono.error(new ApiProblems.BadRequest("Send one Idempotency-Key header."));
		}
		if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			return Mono.error(new ApiProblems.BadRequest("Idempotency-Key must be 1 to 200 characters."));
		}
		String id = AccountScope.resellerId(Caller.of(exchange), resellerId);
		return payments.start(id, idempotencyKey, request.amount().money(), request.reference())
			.map((started) -> ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(TopUpView.of(started.topUp())));
	}

	/**
	 * One of the reseller's top-ups; another reseller's is not found, and so is any when
	 * the reseller names another account. The operator finds any by its id.
	 */
	@GetMapping("/top-ups/{topUpId}")
	Mono<TopUpView> topUp(@PathVariable @Size(max = MAX_ID_LENGTH) String topUpId,
			@RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String resellerId, ServerWebExchange exchange) {
		Caller caller = Caller.of(exchange);
		String owner = (caller.operator() && resellerId == null) ? null : AccountScope.resellerId(caller, resellerId);
		return payments.find(owner, topUpId)
			.map(TopUpView::of)
			.switchIfEmpty(Mono.error(() -> new ApiProblems.NotFound("No top-up " + topUpId + ".")));
	}

	@GetMapping("/ledger")
	Mono<LedgerPage> ledger(@RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String resellerId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			ServerWebExchange exchange) {
		if (page < 0 || page > MAX_PAGE || size < 1 || size > 200) {
			return Mono.error(new ApiProblems.BadRequest("page must be 0 to " + MAX_PAGE + " and size 1 to 200."));
		}
		String id = AccountScope.resellerId(Caller.of(exchange), resellerId);
		return account(id).then(ledger.page(id, page, size))
			.map((result) -> new LedgerPage(result.content().stream().map(LedgerLine::of).toList(), result.page(),
					result.size(), result.totalElements()));
	}

	/** Oldest first: the order in which credit will release them. */
	@GetMapping("/waiting-orders")
	Mono<List<WaitingLine>> waitingOrders(@RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String resellerId,
			ServerWebExchange exchange) {
		return account(AccountScope.resellerId(Caller.of(exchange), resellerId)).map((account) -> account.waiting()
			.stream()
			.map((order) -> new WaitingLine(order.orderId(), Money.of(order.amount(), account.currency()),
					order.placedAt(), WAITING_STATUS))
			.toList());
	}

	private Mono<Account> account(String resellerId) {
		return accounts.settledAccount(resellerId)
			.switchIfEmpty(Mono.error(() -> new ApiProblems.NotFound("No account " + resellerId + ".")));
	}

	record ThresholdRequest(@NotNull @Valid ThresholdMoney threshold) {
	}

	record ThresholdMoney(@NotNull @PositiveOrZero @Max(MoneyAmounts.MAX) Long amount,
			@NotNull @IsoCurrency String currency) {
	}

	record AccountView(String resellerId, Money balance, Waiting waitingForPayment, Money lowCreditThreshold) {

		static AccountView of(Account account) {
			return new AccountView(account.id(), Money.of(account.balance(), account.currency()),
					new Waiting(account.waiting().size(), Money.of(account.waitingAmount(), account.currency())),
					Money.of(account.lowCreditThreshold(), account.currency()));
		}

	}

	record Waiting(int count, Money amount) {
	}

	record LedgerPage(List<LedgerLine> content, int page, int size, long totalElements) {
	}

	record LedgerLine(String id, Instant at, EntryType type, Money amount, String orderId, Money balanceAfter) {

		static LedgerLine of(LedgerEntry entry) {
			return new LedgerLine(entry.id(), entry.at(), entry.type(), Money.of(entry.amount(), entry.currency()),
					entry.orderId(), Money.of(entry.balanceAfter(), entry.currency()));
		}

	}

	record WaitingLine(String orderId, Money amount, Instant placedAt, String status) {
	}

}
