package com.rvssl.billing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import com.rvssl.billing.payments.TopUpSweep;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.validation.MoneyAmounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Top-ups are payments: a reseller's top-up is a payment to make and credits nothing by
 * itself; only the provider's signed callback, or the operator's record of a bank
 * transfer, adds credit, once.
 */
class TopUpsIntegrationTests extends BillingIntegrationTest {

	@Autowired
	TopUpSweep sweep;

	@Test
	void aResellersTopUpIsAPaymentToMakeAndAddsNoCreditByItself() {
		Reseller reseller = newReseller();

		TopUpView topUp = payment(reseller, 2_000);

		assertThat(topUp.status()).isEqualTo("PENDING_PAYMENT");
		assertThat(topUp.amount().amount()).isEqualTo(2_000);
		assertThat(topUp.paymentUrl()).startsWith("https://pay.example/checkout/pay_");
		assertThat(account(reseller).balance().amount()).isZero();
		assertThat(ledger(reseller)).isEmpty();
		TopUpView read = topUpStatus(reseller, topUp.id());
		assertThat(read.status()).isEqualTo("PENDING_PAYMENT");
		assertThat(read.reference()).isEqualTo("card");
		assertThat(read.createdAt()).isNotNull();
		assertThat(read.paidAt()).isNull();
	}

	@Test
	void aConfirmedPaymentCreditsOnceEvenWhenTheCallbackComesTwice() {
		Reseller reseller = newReseller();
		TopUpView topUp = payment(reseller, 2_000);

		confirm(topUp).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAID");
		confirm(topUp).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAID");

		assertThat(account(reseller).balance().amount()).isEqualTo(2_000);
		assertThat(ledger(reseller)).singleElement().satisfies((line) -> assertThat(line.type()).isEqualTo("TOP_UP"));
		TopUpView paid = topUpStatus(reseller, topUp.id());
		assertThat(paid.status()).isEqualTo("PAID");
		assertThat(paid.paidAt()).isNotNull();
		eventually().until(() -> topics.accountEvents(reseller.resellerId())
			.stream()
			.filter((event) -> event.type().equals("CreditToppedUp"))
			.count() == 1);
	}

	@Test
	void aConfirmationThatOvertakesTheProvidersAnswerCreditsOnceAndTheAnswerStillCarriesThePaymentPage() {
		Reseller reseller = newReseller();
		List<Integer> callbackStatuses = new java.util.concurrent.CopyOnWriteArrayList<>();
		FakePaymentProvider.get()
			.beforeAnswer((payment) -> callbackStatuses
				.add(callback(PaymentCallbacks.body("payment.succeeded", payment.id(), payment.reference(),
						payment.amount(), payment.currency()))
					.returnResult(String.class)
					.getStatus()
					.value()));
		TopUpView topUp;
		try {
			topUp = payment(reseller, 900);
		}
		finally {
			FakePaymentProvider.get().beforeAnswer((payment) -> {
			});
		}

		assertThat(callbackStatuses).containsExactly(200);
		assertThat(topUp.paymentUrl()).startsWith("https://pay.example/checkout/");
		assertThat(topUpStatus(reseller, topUp.id()).status()).isEqualTo("PAID");
		assertThat(account(reseller).balance().amount()).isEqualTo(900);
		confirm(topUp).expectStatus().isOk();
		assertThat(account(reseller).balance().amount()).isEqualTo(900);
	}

	@Test
	void identicalCallbacksDeliveredConcurrentlyCreditOnce() {
		Reseller reseller = newReseller();
		TopUpView topUp = payment(reseller, 700);
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

		IntStream.range(0, 10)
			.parallel()
			.forEach((i) -> statuses.add(confirm(topUp).returnResult(String.class).getStatus().value()));

		assertThat(statuses).containsOnly(200);
		assertThat(account(reseller).balance().amount()).isEqualTo(700);
		assertThat(ledger(reseller)).hasSize(1);
		assertThat(topUpStatus(reseller, topUp.id()).status()).isEqualTo("PAID");
	}

	@Test
	void aCallbackWithABadSignatureIsRefusedAndCreditsNothing() {
		Reseller reseller = newReseller();
		TopUpView topUp = payment(reseller, 1_000);
		String body = succeeded(topUp, 1_000, "USD");
		long now = Instant.now().getEpochSecond();

		refused(callback(body, null), 400);
		refused(callback(body, "t=" + now + ",v1=00ff"), 400);
		refused(callback(body, PaymentCallbacks.header("another-secret-of-enough-length", now, body)), 400);
		// signed for another body: the amount changed on the way
		refused(callback(succeeded(topUp, 100_000, "USD"), PaymentCallbacks.header(WEBHOOK_SECRET, now, body)), 400);
		refused(callback(body, "v1=" + PaymentCallbacks.header(WEBHOOK_SECRET, now, body).split("v1=")[1]), 400);

		assertNothingCredited(reseller, topUp);
	}

	@Test
	void aCallbackSignedOutsideTheReplayWindowIsRefused() {
		Reseller reseller = newReseller();
		TopUpView topUp = payment(reseller, 1_000);
		String body = succeeded(topUp, 1_000, "USD");
		long now = Instant.now().getEpochSecond();

		refused(callback(body, PaymentCallbacks.header(WEBHOOK_SECRET, now - 6 * 60, body)), 400).jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("replay"));
		refused(callback(body, PaymentCallbacks.header(WEBHOOK_SECRET, now + 6 * 60, body)), 400);
		refused(callback(body, PaymentCallbacks.header(WEBHOOK_SECRET, Long.MIN_VALUE, body)), 400);

		assertNothingCredited(reseller, topUp);
	}

	@Test
	void aSignedCallbackForAnUnknownPaymentOrAnotherAmountIsRefusedAndCreditsNothing() {
		Reseller reseller = newReseller();
		TopUpView topUp = payment(reseller, 1_000);
		String paymentId = FakePaymentProvider.get().paymentFor(topUp.id()).id();

		refused(callback(PaymentCallbacks.body("payment.succeeded", paymentId, "tu_no-such-top-up", 1_000, "USD")),
				404);
		refused(callback(PaymentCallbacks.body("payment.succeeded", "pay_other", topUp.id(), 1_000, "USD")), 404);
		refused(callback(succeeded(topUp, 100_000, "USD")), 422);
		refused(callback(succeeded(topUp, 1_000, "EUR")), 422);
		refused(callback("{\"type\":\"payment.succeeded\",\"paymentId\":\"" + paymentId + "\"}"), 400);
		refused(callback("not json"), 400);

		assertNothingCredited(reseller, topUp);
	}

	@Test
	void aFailedPaymentEndsTheTopUpWithoutCredit() {
		Reseller reseller = newReseller();
		TopUpView topUp = payment(reseller, 1_000);
		FakePaymentProvider.Payment payment = FakePaymentProvider.get().paymentFor(topUp.id());

		callback(PaymentCallbacks.body("payment.failed", payment.id(), topUp.id(), 1_000, "USD")).expectStatus().isOk();

		assertThat(topUpStatus(reseller, topUp.id()).status()).isEqualTo("FAILED");
		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void waitingOrdersAreReleasedOnlyWhenThePaymentIsConfirmed() {
		Reseller reseller = newReseller();
		String orderId = newOrderId();
		awaitHandled(publish(orderPlaced(reseller, orderId, 1_500)));
		eventually().until(() -> topics.distinct(orderId, CreditInsufficient.class), (events) -> !events.isEmpty());

		TopUpView topUp = payment(reseller, 2_000);

		assertThat(waitingOrders(reseller)).extracting(WaitingLine::orderId).containsExactly(orderId);
		assertThat(topics.distinct(orderId, PaymentCaptured.class)).isEmpty();

		confirm(topUp).expectStatus().isOk();

		eventually().until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> events.size() == 1);
		assertThat(waitingOrders(reseller)).isEmpty();
		assertThat(account(reseller).balance().amount()).isEqualTo(500);
	}

	@Test
	void anotherResellersTopUpIsNotFound() {
		Reseller ann = newReseller();
		Reseller bob = newReseller();
		TopUpView annsTopUp = payment(ann, 1_000);

		web.get()
			.uri("/api/v1/account/top-ups/{id}", annsTopUp.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + bob.apiKey())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aResellerNamingAnotherAccountFindsNoTopUpEvenItsOwn() {
		// found by the bad-input run: ?resellerId= of another account was ignored here,
		// while every other account path answers 404 for it
		Reseller ann = newReseller();
		Reseller bob = newReseller();
		TopUpView annsTopUp = payment(ann, 1_000);

		web.get()
			.uri("/api/v1/account/top-ups/{id}?resellerId={other}", annsTopUp.id(), bob.resellerId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ann.apiKey())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theSameIdempotencyKeyIsTheSamePaymentAndAnotherAmountUnderItIsRefused() {
		Reseller reseller = newReseller();
		Map<String, Object> body = Map.of("amount", Map.of("amount", 2_000, "currency", "USD"), "reference",
				"invoice 42");

		TopUpView first = topUpWithKey(reseller, "key-1", body).expectStatus()
			.isCreated()
			.expectBody(TopUpView.class)
			.returnResult()
			.getResponseBody();
		TopUpView again = topUpWithKey(reseller, "key-1", body).expectStatus()
			.isOk()
			.expectBody(TopUpView.class)
			.returnResult()
			.getResponseBody();
		topUpWithKey(reseller, "key-1", Map.of("amount", Map.of("amount", 9_000, "currency", "USD"))).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(again).isEqualTo(first);
		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void whenTheProviderIsDownTheTopUpIsAServiceUnavailableProblemAndTheSameRequestLaterGetsItsPayment() {
		Reseller reseller = newReseller();
		Map<String, Object> body = Map.of("amount", Map.of("amount", 1_000, "currency", "USD"));
		FakePaymentProvider.get().down(true);
		try {
			topUpWithKey(reseller, "down", body).expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://rvssl.example/problems/payment-provider-unavailable");
		}
		finally {
			FakePaymentProvider.get().down(false);
		}
		assertThat(account(reseller).balance().amount()).isZero();

		TopUpView topUp = topUpWithKey(reseller, "down", body).expectStatus()
			.is2xxSuccessful()
			.expectBody(TopUpView.class)
			.returnResult()
			.getResponseBody();

		assertThat(topUp.status()).isEqualTo("PENDING_PAYMENT");
		assertThat(topUp.paymentUrl()).isNotNull();
		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void badTopUpsAreProblemsThatChangeNothing() {
		Reseller reseller = newReseller();

		topUpWithKey(reseller, "eur", Map.of("amount", Map.of("amount", 100, "currency", "EUR"))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("USD").contains("EUR"));
		topUpWithKey(reseller, "zero", Map.of("amount", Map.of("amount", 0, "currency", "USD"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("amount.amount");
		topUpWithKey(reseller, "huge", Map.of("amount", Map.of("amount", MoneyAmounts.MAX + 1, "currency", "USD")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("amount.amount");
		topUpWithKey(reseller, "zzz", Map.of("amount", Map.of("amount", 100, "currency", "ZZZ"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("amount.currency");
		web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", "bad-json")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"amount\": {\"amount\": 12,")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.bodyValue(Map.of("amount", Map.of("amount", 100, "currency", "USD")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(account(reseller).balance().amount()).isZero();
		assertThat(mongo
			.count(org.springframework.data.mongodb.core.query.Query.query(
					org.springframework.data.mongodb.core.query.Criteria.where("resellerId").is(reseller.resellerId())),
					"topUps")
			.block()).isZero();
	}

	@Test
	void theOperatorsBankTransferCreditsAtOnceOncePerKeyAndReleasesWaitingOrders() {
		Reseller reseller = newReseller();
		String orderId = newOrderId();
		awaitHandled(publish(orderPlaced(reseller, orderId, 1_500)));

		TopUpReceipt first = bankTransfer(reseller, "transfer-7", 2_000).expectStatus()
			.isCreated()
			.expectBody(TopUpReceipt.class)
			.returnResult()
			.getResponseBody();
		TopUpReceipt again = bankTransfer(reseller, "transfer-7", 2_000).expectStatus()
			.isOk()
			.expectBody(TopUpReceipt.class)
			.returnResult()
			.getResponseBody();

		assertThat(first.released()).containsExactly(orderId);
		assertThat(first.balanceAfter().amount()).isEqualTo(2_000);
		assertThat(again).isEqualTo(first);
		assertThat(topUpStatus(reseller, first.id()).status()).isEqualTo("PAID");
		assertThat(account(reseller).balance().amount()).isEqualTo(500);
		eventually().until(() -> topics.distinct(orderId, PaymentCaptured.class), (events) -> events.size() == 1);
	}

	@Test
	void aResellerKeyCannotRecordABankTransfer() {
		Reseller reseller = newReseller();

		web.post()
			.uri("/api/v1/admin/resellers/{id}/top-ups", reseller.resellerId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", "self-service")
			.bodyValue(Map.of("amount", Map.of("amount", 1_000_000, "currency", "USD")))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(account(reseller).balance().amount()).isZero();
		assertThat(ledger(reseller)).isEmpty();
	}

	@Test
	void concurrentBankTransfersWithTheSameKeyCreditOnce() {
		Reseller reseller = newReseller();
		String key = UUID.randomUUID().toString();
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

		IntStream.range(0, 10)
			.parallel()
			.forEach((i) -> statuses
				.add(bankTransfer(reseller, key, 700).returnResult(String.class).getStatus().value()));

		assertThat(statuses).containsOnly(200, 201).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(account(reseller).balance().amount()).isEqualTo(700);
		assertThat(ledger(reseller)).hasSize(1);
	}

	@Test
	void anUnpaidPaymentExpiresAndALateConfirmationStillCreditsItOnce() {
		Reseller reseller = newReseller();
		TopUpView unpaid = payment(reseller, 1_000);
		TopUpView paid = payment(reseller, 300);
		confirm(paid).expectStatus().isOk();

		// as the sweep does once rvssl.payments.expire-after has passed
		sweep.expireCreatedBefore(Instant.now().plusSeconds(60)).block();

		assertThat(topUpStatus(reseller, unpaid.id()).status()).isEqualTo("EXPIRED");
		assertThat(topUpStatus(reseller, paid.id()).status()).isEqualTo("PAID");
		assertThat(account(reseller).balance().amount()).isEqualTo(300);

		// the provider says the money arrived after all: it is credited, once
		confirm(unpaid).expectStatus().isOk();
		confirm(unpaid).expectStatus().isOk();
		assertThat(account(reseller).balance().amount()).isEqualTo(1_300);
	}

	private WebTestClient.ResponseSpec topUpWithKey(Reseller reseller, String key, Map<String, Object> body) {
		return web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange();
	}

	private static String succeeded(TopUpView topUp, long amount, String currency) {
		return PaymentCallbacks.body("payment.succeeded", FakePaymentProvider.get().paymentFor(topUp.id()).id(),
				topUp.id(), amount, currency);
	}

	private static WebTestClient.BodyContentSpec refused(WebTestClient.ResponseSpec response, int status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
	}

	private void assertNothingCredited(Reseller reseller, TopUpView topUp) {
		assertThat(account(reseller).balance().amount()).isZero();
		assertThat(ledger(reseller)).isEmpty();
		assertThat(topUpStatus(reseller, topUp.id()).status()).isEqualTo("PENDING_PAYMENT");
		List<?> none = topics.accountEvents(reseller.resellerId())
			.stream()
			.filter((event) -> event.type().equals("CreditToppedUp"))
			.toList();
		assertThat(none).isEmpty();
	}

}
