package com.rvssl.billing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.PaymentCaptured;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reseller's account page through real HTTP: sign-in with the API key into a session
 * cookie, CSRF on every form, one reseller's data only, the top-up of the API behind the
 * form, and the order statuses billing projects from the order events. The API's own
 * tests prove it unchanged.
 */
class AccountPageIntegrationTests extends BillingIntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern TOP_UP_KEY = Pattern.compile("name=\"topUpKey\" value=\"([^\"]+)\"");

	@Test
	void signingInWithTheResellersKeyOpensItsPageInAFreshHttpOnlySecureStrictSessionCookieThatHoldsNoKey() {
		Reseller reseller = newReseller();
		Browser browser = Browser.anonymous(this);
		String form = browser.page("/sign-in");
		assertThat(browser.session()).as("the sign-in form starts no session").isNull();

		EntityExchangeResult<byte[]> signedIn = browser
			.send("/sign-in", Map.of("apiKey", reseller.apiKey()), csrf(form))
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/account")
			.expectBody()
			.returnResult();

		ResponseCookie cookie = signedIn.getResponseCookies().getFirst("SESSION");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Strict");
		assertThat(cookie.getValue()).doesNotContain(reseller.apiKey());
		String page = new Browser(this, cookie.getValue()).page("/account");
		assertThat(page).contains(reseller.resellerId()).contains("0.00 USD").doesNotContain(reseller.apiKey());
	}

	@Test
	void aWrongKeyIsRefusedInWordsAndOpensNothing() {
		Browser browser = Browser.anonymous(this);

		String location = browser.post("/sign-in", Map.of("apiKey", "rvk_not-a-key"));

		assertThat(location).isEqualTo("/sign-in?error=key");
		assertThat(browser.page(location)).contains("That API key was not recognised");
		assertThat(browser.redirectOf("/account")).startsWith("/sign-in");
	}

	@Test
	void theOperatorKeyOpensNoResellerPage() {
		Browser browser = Browser.anonymous(this);

		assertThat(browser.post("/sign-in", Map.of("apiKey", OPERATOR_KEY))).isEqualTo("/sign-in?error=key");
	}

	@Test
	void aFormWithATamperedOrMissingCsrfTokenIsRefusedOnThePageAndChangesNothing() {
		Reseller reseller = newReseller();
		Browser browser = signIn(reseller);
		String page = browser.page("/account");
		Map<String, String> topUp = Map.of("amount", "25.00", "reference", "csrf", "topUpKey", topUpKey(page));

		String tampered = browser.postWithToken("/account/top-ups", topUp, csrf(page).substring(1) + "x");
		String missing = browser.postWithToken("/account/top-ups", topUp, null);

		assertThat(tampered).isEqualTo("/account?refused=form");
		assertThat(missing).isEqualTo("/account?refused=form");
		assertThat(browser.page(tampered)).contains("Nothing was changed");
		assertThat(account(reseller).balance().amount()).isZero();
		assertThat(ledger(reseller)).isEmpty();
	}

	@Test
	void aTopUpFromThePageLeadsToThePaymentAndOnlyItsConfirmationReleasesTheWaitingOrder() {
		Reseller reseller = newReseller();
		String orderId = newOrderId();
		publish(orderPlaced(reseller, orderId, 1_500));
		eventually().until(() -> waitingOrders(reseller).size() == 1);
		Browser browser = signIn(reseller);
		eventually().until(() -> browser.page("/account").contains(orderId));
		String page = browser.page("/account");
		assertThat(page).contains("Waiting for Payment").contains("15.00 USD");

		Map<String, String> topUp = Map.of("amount", "20", "reference", "invoice 7", "topUpKey", topUpKey(page));
		String first = browser.post("/account/top-ups", topUp);
		String second = browser.post("/account/top-ups", topUp);

		// to the provider's payment page; the same form again is the same payment
		assertThat(first).isEqualTo(second).startsWith("https://pay.example/checkout/pay_");
		FakePaymentProvider.Payment payment = FakePaymentProvider.get()
			.byId(first.substring(first.lastIndexOf('/') + 1));
		assertThat(payment.amount()).isEqualTo(2_000);
		assertThat(browser.page("/account")).contains("Waiting for your payment: no credit added yet")
			.contains("invoice 7")
			.contains("href=\"" + first + "\"")
			.doesNotContain("Paid: credit added");
		assertThat(account(reseller).balance().amount()).isZero();
		assertThat(waitingOrders(reseller)).hasSize(1);

		callback(PaymentCallbacks.body("payment.succeeded", payment.id(), payment.reference(), 2_000, "USD"))
			.expectStatus()
			.isOk();

		assertThat(account(reseller).balance().amount()).isEqualTo(500);
		assertThat(ledger(reseller)).filteredOn((line) -> line.type().equals("TOP_UP")).hasSize(1);
		assertThat(browser.page("/account")).contains("Paid: credit added");
		eventually().until(() -> browser.live().contains("\"status\":\"Paid\""));
	}

	@Test
	void thePageMayOnlyLeadItsFormsToItselfAndThePaymentProvider() {
		Reseller reseller = newReseller();
		Browser browser = signIn(reseller);

		String policy = web.get()
			.uri("/account")
			.cookie("SESSION", browser.session())
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Content-Security-Policy");

		assertThat(policy).contains("form-action 'self' " + FakePaymentProvider.get().baseUrl() + ";");
	}

	@Test
	void aTopUpOfNoAmountIsRefusedInWordsAndCreditsNothing() {
		Reseller reseller = newReseller();
		Browser browser = signIn(reseller);
		String page = browser.page("/account");

		String location = browser.post("/account/top-ups", Map.of("amount", "-5", "topUpKey", topUpKey(page)));

		assertThat(location).isEqualTo("/account?problem=amount");
		assertThat(browser.page(location)).contains("The top-up was refused");
		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void theLowCreditThresholdIsSetFromThePageInTheAccountsCurrency() {
		Reseller reseller = newReseller();
		Browser browser = signIn(reseller);

		String location = browser.post("/account/low-credit-threshold", Map.of("threshold", "12.50"));

		assertThat(location).isEqualTo("/account?saved=threshold");
		assertThat(browser.page(location)).contains("Your low-credit threshold is saved").contains("12.50 USD");
		assertThat(account(reseller).lowCreditThreshold().amount()).isEqualTo(1_250);
	}

	@Test
	void aResellersPageNeverShowsAnotherResellersOrdersOrReceipts() {
		Reseller ann = newReseller();
		Reseller bob = newReseller();
		String bobsOrder = newOrderId();
		publish(orderPlaced(bob, bobsOrder, 900));
		Browser bobs = signIn(bob);
		eventually().until(() -> bobs.live().contains(bobsOrder));
		String bobsPage = bobs.page("/account");
		String bobsPayment = bobs.post("/account/top-ups", Map.of("amount", "1", "topUpKey", topUpKey(bobsPage)));
		String bobsTopUp = FakePaymentProvider.get()
			.byId(bobsPayment.substring(bobsPayment.lastIndexOf('/') + 1))
			.reference();
		assertThat(bobs.page("/account")).contains(bobsTopUp);

		Browser anns = signIn(ann);

		assertThat(anns.page("/account")).contains(ann.resellerId())
			.doesNotContain(bob.resellerId())
			.doesNotContain(bobsOrder);
		assertThat(anns.live()).doesNotContain(bobsOrder);
		assertThat(anns.page("/account")).doesNotContain(bobsTopUp).doesNotContain(bobsPayment);
		assertThat(anns.page("/account?resellerId=" + bob.resellerId())).doesNotContain(bob.resellerId());
	}

	@Test
	void aCancellationTheCaRefusedShowsItsReasonOnTheIssuedOrderAndNoRefund() {
		Reseller reseller = newReseller();
		topUp(reseller, 10_000);
		String orderId = newOrderId();
		Browser browser = signIn(reseller);
		publish(orderPlaced(reseller, orderId, 1_000));
		publish(orderEvent(reseller, orderId, com.rvssl.contracts.events.OrderCancelled.requested("changed mind")));
		publish(orderEvent(reseller, orderId, new CertificateIssued("ca-1", "01", Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2027-01-01T00:00:00Z"), "Sandbox CA", "PEM")));
		awaitOrderStatusHandled(publish(orderEvent(reseller, orderId,
				new com.rvssl.contracts.events.CancellationRefused("The certificate is issued already", "ca-1"))));

		assertThat(browser.live()).contains("\"status\":\"Complete\"")
			.contains("Cancellation refused: The certificate is issued already");
		assertThat(ledger(reseller)).extracting(LedgerLine::type).doesNotContain("REFUND");
	}

	@Test
	void theProjectedStatusOnlyMovesForwardWhatEverIsRedeliveredOrLate() {
		Reseller reseller = newReseller();
		topUp(reseller, 10_000);
		String orderId = newOrderId();
		EventEnvelope placed = orderPlaced(reseller, orderId, 1_000);
		EventEnvelope insufficient = orderEvent(reseller, orderId,
				new CreditInsufficient(Money.of(1_000, "USD"), Money.of(0, "USD")));
		EventEnvelope paid = orderEvent(reseller, orderId,
				new PaymentCaptured(Money.of(1_000, "USD"), Money.of(9_000, "USD")));
		EventEnvelope submitted = orderEvent(reseller, orderId,
				new CertificateSubmitted(com.rvssl.contracts.CertificateAuthority.DIGICERT, "ca-1"));
		EventEnvelope issued = orderEvent(reseller, orderId, new CertificateIssued("ca-1", "01",
				Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), "Sandbox CA", "PEM"));
		Browser browser = signIn(reseller);

		// the certificate is issued before billing has heard of the order, then
		// everything comes again
		publish(issued);
		for (EventEnvelope event : List.of(placed, insufficient, paid, submitted, issued, paid, insufficient)) {
			publish(event);
		}

		eventually().until(() -> browser.live().contains("\"status\":\"Complete\""));
		assertThat(browser.live()).contains("DV-SINGLE for example.com").contains("10.00 USD");
		awaitOrderStatusHandled(publish(paid));
		assertThat(browser.live()).contains("\"status\":\"Complete\"").doesNotContain("\"status\":\"Paid");
		@SuppressWarnings("unchecked")
		List<Object> applied = (List<Object>) mongo.findById(orderId, Map.class, "order_status")
			.block()
			.get("appliedEventIds");
		assertThat(applied).containsOnlyOnce(placed.eventId().toString(), insufficient.eventId().toString(),
				paid.eventId().toString(), submitted.eventId().toString(), issued.eventId().toString());
	}

	@Test
	void signingOutEndsTheSessionAndItsCookieOpensNothingAfterwards() {
		Reseller reseller = newReseller();
		Browser browser = signIn(reseller);
		String page = browser.page("/account");
		Browser keepingTheOldCookie = new Browser(this, browser.session());

		String location = browser.postWithToken("/sign-out", Map.of(), csrf(page));

		assertThat(location).isEqualTo("/sign-in?signed-out");
		assertThat(browser.session()).as("the browser is told to drop the cookie").isNull();
		String redirect = keepingTheOldCookie.redirectOf("/account");
		assertThat(redirect).isEqualTo("/sign-in?expired");
		assertThat(Browser.anonymous(this).page(redirect)).contains("Your session has ended");
	}

	@Test
	void theApiStaysStatelessWithoutCsrfCookiesOrSessions() {
		Reseller reseller = newReseller();

		web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("amount", Map.of("amount", 100, "currency", "USD")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
		web.get()
			.uri("/api/v1/account")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	private Browser signIn(Reseller reseller) {
		Browser browser = Browser.anonymous(this);
		assertThat(browser.post("/sign-in", Map.of("apiKey", reseller.apiKey()))).isEqualTo("/account");
		return browser;
	}

	private static void awaitOrderStatusHandled(org.apache.kafka.clients.producer.RecordMetadata record) {
		var partition = new org.apache.kafka.common.TopicPartition(record.topic(), record.partition());
		try (var admin = org.apache.kafka.clients.admin.Admin
			.create(Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					com.rvssl.kit.test.TestInfrastructure.kafkaBootstrapServers()))) {
			eventually().until(() -> {
				var committed = admin.listConsumerGroupOffsets("billing-service-order-status")
					.partitionsToOffsetAndMetadata()
					.get()
					.get(partition);
				return committed != null && committed.offset() > record.offset();
			});
		}
	}

	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
		return matcher.group(1);
	}

	static String topUpKey(String html) {
		Matcher matcher = TOP_UP_KEY.matcher(html);
		assertThat(matcher.find()).as("a top-up key in the page").isTrue();
		return matcher.group(1);
	}

	/**
	 * A browser's part in it: the cookies it was last given (the session, the sign-in
	 * form's CSRF cookie), forms sent with the page's CSRF token, and its own client
	 * address (sent as {@code X-Forwarded-For}, which the test context honours), so that
	 * each browser has its own sign-in allowance.
	 */
	static final class Browser {

		private static final AtomicInteger ADDRESSES = new AtomicInteger();

		private final BillingIntegrationTest test;

		private final Map<String, String> cookies = new ConcurrentHashMap<>();

		private final String address;

		Browser(BillingIntegrationTest test, String session) {
			this.test = test;
			this.address = nextAddress();
			if (session != null) {
				cookies.put("SESSION", session);
			}
		}

		static Browser anonymous(BillingIntegrationTest test) {
			return new Browser(test, null);
		}

		/** A fresh address in 198.18.0.0/15, the range kept for benchmarking. */
		static String nextAddress() {
			int n = ADDRESSES.incrementAndGet();
			return "198." + (18 + ((n >> 16) & 1)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
		}

		String session() {
			return cookies.get("SESSION");
		}

		String address() {
			return address;
		}

		private org.springframework.test.web.reactive.server.WebTestClient web() {
			return test.web;
		}

		private void fromAddress(HttpHeaders headers) {
			headers.set("X-Forwarded-For", address);
		}

		private void sendCookies(MultiValueMap<String, String> jar) {
			cookies.forEach(jar::add);
		}

		String page(String path) {
			EntityExchangeResult<String> result = web().get()
				.uri(path)
				.headers(this::fromAddress)
				.cookies(this::sendCookies)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult();
			remember(result);
			return result.getResponseBody();
		}

		String live() {
			return web().get()
				.uri("/account/live")
				.headers(this::fromAddress)
				.cookies(this::sendCookies)
				.accept(MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
		}

		String redirectOf(String path) {
			EntityExchangeResult<byte[]> result = web().get()
				.uri(path)
				.headers(this::fromAddress)
				.cookies(this::sendCookies)
				.exchange()
				.expectStatus()
				.isSeeOther()
				.expectBody()
				.returnResult();
			return result.getResponseHeaders().getLocation().toString();
		}

		/**
		 * Sends the form with a fresh token from the page it belongs to, as a browser
		 * would.
		 */
		String post(String path, Map<String, String> fields) {
			String from = path.startsWith("/sign-in") ? "/sign-in" : "/account";
			return postWithToken(path, fields, csrf(page(from)));
		}

		String postWithToken(String path, Map<String, String> fields, String token) {
			EntityExchangeResult<byte[]> result = send(path, fields, token).expectStatus()
				.isSeeOther()
				.expectBody()
				.returnResult();
			remember(result);
			return result.getResponseHeaders().getLocation().toString();
		}

		/** Sends a form and leaves the answer to the caller. */
		org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec send(String path,
				Map<String, String> fields, String token) {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			fields.forEach(form::add);
			if (token != null) {
				form.add("_csrf", token);
			}
			return web().post()
				.uri(path)
				.headers(this::fromAddress)
				.cookies(this::sendCookies)
				.body(BodyInserters.fromFormData(form))
				.exchange();
		}

		/** Forgets a cookie, as a browser whose user cleared it. */
		void forget(String cookie) {
			cookies.remove(cookie);
		}

		void remember(EntityExchangeResult<?> result) {
			result.getResponseCookies().forEach((name, values) -> {
				ResponseCookie cookie = values.get(values.size() - 1);
				if (cookie.getValue().isEmpty() || cookie.getMaxAge().isZero()) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, cookie.getValue());
				}
			});
		}

	}

}
