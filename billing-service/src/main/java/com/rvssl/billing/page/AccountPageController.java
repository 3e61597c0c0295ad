package com.rvssl.billing.page;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.accounts.PendingEntry;
import com.rvssl.billing.charging.LowCreditLine;
import com.rvssl.billing.charging.PendingWork;
import com.rvssl.billing.charging.TopUps;
import com.rvssl.billing.ledger.CreditLedger;
import com.rvssl.billing.ledger.LedgerEntry;
import com.rvssl.billing.orderstatus.OrderStatus;
import com.rvssl.billing.orderstatus.OrderStatusProjection;
import com.rvssl.contracts.Money;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reseller's account page. Every request acts on the signed-in reseller's own account only
 * (the id comes from the session, never from the request); forms answer with a redirect (post,
 * redirect, get) whose notice is a fixed code, so no typed text is ever echoed into the page.
 */
@Controller
class AccountPageController {

	static final int LEDGER_PAGE_SIZE = 10;

	static final int ORDERS_SHOWN = 50;

	private static final Pattern FORM_KEY = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final PendingWork accounts;

	private final TopUps topUps;

	private final CreditLedger ledger;

	private final LowCreditLine lowCreditLine;

	private final OrderStatusProjection orders;

	private final PageProperties properties;

	private final Clock clock;

	AccountPageController(PendingWork accounts, TopUps topUps, CreditLedger ledger, LowCreditLine lowCreditLine,
			OrderStatusProjection orders, PageProperties properties, Clock clock) {
		this.accounts = accounts;
		this.topUps = topUps;
		this.ledger = ledger;
		this.lowCreditLine = lowCreditLine;
		this.orders = orders;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/")
	Mono<ResponseEntity<Void>> home() {
		return Mono.just(ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/account")).build());
	}

	@GetMapping("/sign-in")
	Rendering signIn(@RequestParam Map<String, String> params) {
		return Rendering.view("sign-in").modelAttribute("notice", Notice.forSignIn(params)).build();
	}

	@GetMapping("/account")
	Mono<Rendering> page(@AuthenticationPrincipal String resellerId, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "0") int ledgerPage, WebSession session) {
		int pageNumber = Math.max(0, ledgerPage);
		return account(resellerId).flatMap((account) -> Mono
			.zip(ledger.page(resellerId, pageNumber, LEDGER_PAGE_SIZE), orders.ofReseller(resellerId, ORDERS_SHOWN)
				.collectList(), receipt(resellerId, params.get("toppedUp")).map(Optional::of)
				.defaultIfEmpty(Optional.empty()))
			.map((parts) -> Rendering.view("account")
				.modelAttribute("page",
						new AccountPage(account.name(), account.id(), MoneyText.of(account.balance(), account.currency()),
								account.currency(), MoneyText.of(account.lowCreditThreshold(), account.currency()),
								waiting(account, parts.getT2()), parts.getT2().stream().map(OrderLine::of).toList(),
								LedgerPage.of(parts.getT1()), parts.getT3().orElse(null), Notice.forAccount(params),
								UUID.randomUUID().toString(), sessionWords(session), properties.liveInterval().toMillis()))
				.build()));
	}

	/** What the open page polls for: the orders' statuses, the balance and the queue, as JSON. */
	@GetMapping("/account/live")
	@ResponseBody
	Mono<Live> live(@AuthenticationPrincipal String resellerId) {
		return account(resellerId).zipWith(orders.ofReseller(resellerId, ORDERS_SHOWN).collectList())
			.map((parts) -> new Live(MoneyText.of(parts.getT1().balance(), parts.getT1().currency()),
					waiting(parts.getT1(), parts.getT2()), parts.getT2().stream().map(OrderLine::of).toList()));
	}

	/**
	 * The same top-up as the API's, keyed by the form: each rendering of the page carries a new key,
	 * so sending one form twice (a double click, a reload) credits once.
	 */
	@PostMapping("/account/top-ups")
	Mono<ResponseEntity<Void>> topUp(@AuthenticationPrincipal String resellerId, ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(account(resellerId)).flatMap((parts) -> {
			MultiValueMap<String, String> form = parts.getT1();
			Account account = parts.getT2();
			String formKey = String.valueOf(form.getFirst("topUpKey"));
			if (!FORM_KEY.matcher(formKey).matches()) {
				return Mono.just(backTo("refused", "form"));
			}
			Optional<Long> amount = MoneyText.minorUnits(form.getFirst("amount"), account.currency())
				.filter((minor) -> minor > 0);
			if (amount.isEmpty()) {
				return Mono.just(backTo("problem", "amount"));
			}
			String reference = Optional.ofNullable(form.getFirst("reference")).map(String::trim)
				.filter((text) -> !text.isEmpty())
				.orElse(null);
			if (reference != null && reference.length() > 200) {
				return Mono.just(backTo("problem", "reference"));
			}
			return topUps.topUp(resellerId, topUpKey(formKey), Money.of(amount.get(), account.currency()), reference)
				.map((result) -> backTo("toppedUp", formKey))
				.onErrorResume(TopUps.IdempotencyKeyReusedException.class,
						(ex) -> Mono.just(backTo("problem", "key-reused")));
		});
	}

	@PostMapping("/account/low-credit-threshold")
	Mono<ResponseEntity<Void>> lowCreditThreshold(@AuthenticationPrincipal String resellerId,
			ServerWebExchange exchange) {
		return exchange.getFormData().zipWith(account(resellerId)).flatMap((parts) -> {
			Optional<Long> threshold = MoneyText.minorUnits(parts.getT1().getFirst("threshold"),
					parts.getT2().currency());
			if (threshold.isEmpty()) {
				return Mono.just(backTo("problem", "threshold"));
			}
			return lowCreditLine.set(resellerId, Money.of(threshold.get(), parts.getT2().currency()))
				.thenReturn(backTo("saved", "threshold"));
		});
	}

	private Mono<Account> account(String resellerId) {
		// a signed-in reseller's account always exists; settled, so the ledger shows every movement
		return accounts.settledAccount(resellerId);
	}

	/** The receipt of a top-up made from this reseller's page: found by a key under this reseller only. */
	private Mono<Receipt> receipt(String resellerId, String formKey) {
		if (formKey == null || !FORM_KEY.matcher(formKey).matches()) {
			return Mono.empty();
		}
		return ledger.find(PendingEntry.topUpId(resellerId, topUpKey(formKey)))
			.filter((entry) -> entry.resellerId().equals(resellerId))
			.map(Receipt::of);
	}

	private static String topUpKey(String formKey) {
		return "page-" + formKey;
	}

	private String sessionWords(WebSession session) {
		Instant signedInAt = session.getAttribute(PageSecurity.SIGNED_IN_AT);
		Instant end = ((signedInAt != null) ? signedInAt : clock.instant()).plus(properties.sessionLifetime());
		return "You will be signed out at " + TIME.format(end) + " at the latest, or after "
				+ duration(session.getMaxIdleTime()) + " without this page open.";
	}

	static String duration(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes >= 60 && minutes % 60 == 0) {
			long hours = minutes / 60;
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

	private static List<WaitingLine> waiting(Account account, List<OrderStatus> statuses) {
		Map<String, OrderStatus> byId = statuses.stream()
			.collect(Collectors.toMap(OrderStatus::orderId, Function.identity(), (first, second) -> first));
		return account.waiting().stream().map((order) -> {
			OrderStatus status = byId.get(order.orderId());
			return new WaitingLine(order.orderId(), (status != null) ? OrderLine.describe(status) : "",
					MoneyText.of(order.amount(), account.currency()), TIME.format(order.placedAt()),
					"Waiting for Payment");
		}).toList();
	}

	private static ResponseEntity<Void> backTo(String notice, String value) {
		URI location = UriComponentsBuilder.fromPath("/account").queryParam(notice, value).build().encode().toUri();
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
	}

	public record AccountPage(String name, String resellerId, String balance, String currency, String lowCreditThreshold,
			List<WaitingLine> waiting, List<OrderLine> orders, LedgerPage ledger, Receipt receipt, Notice notice,
			String topUpKey, String session, long liveIntervalMillis) {
	}

	public record WaitingLine(String orderId, String what, String amount, String placedAt, String status) {
	}

	public record OrderLine(String orderId, String what, String price, String placedAt, String status, String detail) {

		static OrderLine of(OrderStatus order) {
			String price = (order.amount() != null) ? MoneyText.of(order.amount(), order.currency()) : "";
			return new OrderLine(order.orderId(), describe(order), price,
					(order.placedAt() != null) ? TIME.format(order.placedAt()) : "", order.statusWords(),
					(order.detail() != null) ? order.detail() : "");
		}

		static String describe(OrderStatus order) {
			if (order.productCode() == null) {
				return "";
			}
			return order.productCode() + (order.domains().isEmpty() ? "" : " for " + String.join(", ", order.domains()));
		}

	}

	public record LedgerPage(List<LedgerLine> lines, int page, int pages, long total) {

		static LedgerPage of(CreditLedger.Page page) {
			int pages = (int) Math.max(1, (page.totalElements() + page.size() - 1) / page.size());
			return new LedgerPage(page.content().stream().map(LedgerLine::of).toList(), page.page(), pages,
					page.totalElements());
		}

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < pages;
		}

	}

	public record LedgerLine(String at, String type, String amount, String about, String balanceAfter) {

		static LedgerLine of(LedgerEntry entry) {
			String type = switch (entry.type()) {
				case TOP_UP -> "Top-up";
				case CHARGE -> "Charge";
				case REFUND -> "Refund";
			};
			String about = (entry.orderId() != null) ? "Order " + entry.orderId()
					: (entry.reference() != null) ? entry.reference() : "";
			return new LedgerLine(TIME.format(entry.at()), type, MoneyText.of(entry.amount(), entry.currency()), about,
					MoneyText.of(entry.balanceAfter(), entry.currency()));
		}

	}

	public record Receipt(String amount, String reference, String balanceAfter, List<String> released) {

		static Receipt of(LedgerEntry entry) {
			return new Receipt(MoneyText.of(entry.amount(), entry.currency()), entry.reference(),
					MoneyText.of(entry.balanceAfter(), entry.currency()), entry.released());
		}

	}

	public record Live(String balance, List<WaitingLine> waiting, List<OrderLine> orders) {
	}

}
