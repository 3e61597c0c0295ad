package com.rvssl.billing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.ledger.EntryType;
import com.rvssl.billing.ledger.LedgerEntry;
import com.rvssl.billing.payments.TopUp;
import com.rvssl.kit.validation.MoneyAmounts;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input billing refuses before it moves any money: bodies that are not JSON (415),
 * amounts out of bounds, currencies that are not ISO 4217 money, oversized strings and
 * pages (400), and a top-up the balance cannot hold (422). Each leaves the account as it
 * was.
 */
class RefusedInputIntegrationTests extends BillingIntegrationTest {

	private static final String TOP_UP = "{\"amount\": {\"amount\": 500, \"currency\": \"USD\"}, \"reference\": \"wire\"}";

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "" })
	void aTopUpInAnotherContentTypeIsUnsupportedAndCreditsNothing(String contentType) {
		Reseller reseller = newReseller();

		send(HttpMethod.POST, "/api/v1/account/top-ups", reseller.apiKey(), contentType, TOP_UP).expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/unsupported-media-type")
			.jsonPath("$.detail")
			.isEqualTo((contentType.isEmpty() ? "A Content-Type is required"
					: "Content-Type '" + contentType + "' is not supported") + "; send application/json.");

		assertThat(account(reseller).balance().amount()).isZero();
		assertThat(ledger(reseller)).isEmpty();
	}

	@Test
	void aRegistrationOrThresholdInAnotherContentTypeIsUnsupportedAndChangesNothing() {
		String name = "Hosting " + UUID.randomUUID();
		send(HttpMethod.POST, "/api/v1/admin/resellers", OPERATOR_KEY, "text/plain",
				"{\"name\": \"" + name + "\", \"currency\": \"USD\"}")
			.expectStatus()
			.isEqualTo(415);
		assertThat(accountsNamed(name)).isZero();

		Reseller reseller = newReseller();
		send(HttpMethod.PUT, "/api/v1/account/low-credit-threshold", reseller.apiKey(), "text/plain",
				"{\"threshold\": {\"amount\": 500, \"currency\": \"USD\"}}")
			.expectStatus()
			.isEqualTo(415);
		assertThat(account(reseller).lowCreditThreshold().amount()).isZero();
	}

	@ParameterizedTest
	@ValueSource(longs = { MoneyAmounts.MAX + 1, Long.MAX_VALUE, -1, 0 })
	void aTopUpOutOfBoundsIsABadRequestAndCreditsNothing(long amount) {
		Reseller reseller = newReseller();

		topUp(reseller, Map.of("amount", Map.of("amount", amount, "currency", "USD"))).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("amount.amount");

		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void theHighestTopUpIsTakenAndTheNextOneToo() {
		Reseller reseller = newReseller();

		topUp(reseller, MoneyAmounts.MAX);
		topUp(reseller, MoneyAmounts.MAX);

		assertThat(account(reseller).balance().amount()).isEqualTo(2 * MoneyAmounts.MAX);
	}

	@ParameterizedTest
	@ValueSource(longs = { MoneyAmounts.MAX + 1, Long.MAX_VALUE, -1 })
	void aThresholdOutOfBoundsIsABadRequest(long amount) {
		Reseller reseller = newReseller();

		send(HttpMethod.PUT, "/api/v1/account/low-credit-threshold", reseller.apiKey(), "application/json",
				"{\"threshold\": {\"amount\": " + amount + ", \"currency\": \"USD\"}}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("threshold.amount");

		assertThat(account(reseller).lowCreditThreshold().amount()).isZero();
	}

	@Test
	void aTopUpTheBalanceCannotHoldIsUnprocessableAndChangesNothing() {
		Reseller reseller = newReseller();
		long huge = Long.MAX_VALUE - 50;
		givenTheBalance(reseller, huge);

		// a reseller's top-up is a payment to make; the operator's bank transfer credits
		// at once
		web.post()
			.uri("/api/v1/admin/resellers/{id}/top-ups", reseller.resellerId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("amount", Map.of("amount", 100, "currency", "USD"), "reference", "wire"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/balance-limit");

		assertThat(account(reseller).balance().amount()).isEqualTo(huge);
		assertThat(ledger(reseller)).hasSize(1);
		assertThat(mongo.count(Query.query(Criteria.where("resellerId").is(reseller.resellerId())), TopUp.COLLECTION)
			.block()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ZZZ", "usd", "XAU", "XTS", "US" })
	void aCurrencyThatIsNotIsoMoneyIsABadRequest(String currency) {
		String name = "Hosting " + UUID.randomUUID();
		web.post()
			.uri("/api/v1/admin/resellers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.bodyValue(Map.of("name", name, "currency", currency))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("currency");
		assertThat(accountsNamed(name)).isZero();

		Reseller reseller = newReseller();
		topUp(reseller, Map.of("amount", Map.of("amount", 500, "currency", currency))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("amount.currency");
		assertThat(account(reseller).balance().amount()).isZero();
	}

	@Test
	void oversizedStringsAreBadRequestsAndChangeNothing() {
		String name = "n".repeat(201);
		web.post()
			.uri("/api/v1/admin/resellers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.bodyValue(Map.of("name", name, "currency", "USD"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(accountsNamed(name)).isZero();
		String emailed = "Hosting " + UUID.randomUUID();
		web.post()
			.uri("/api/v1/admin/resellers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.bodyValue(Map.of("name", emailed, "currency", "USD", "email", "a".repeat(250) + "@x.example"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email");
		assertThat(accountsNamed(emailed)).isZero();

		Reseller reseller = newReseller();
		topUp(reseller, Map.of("amount", Map.of("amount", 500, "currency", "USD"), "reference", "r".repeat(201)))
			.expectStatus()
			.isBadRequest();
		assertThat(account(reseller).balance().amount()).isZero();
		web.get()
			.uri("/api/v1/account?resellerId={id}", "r".repeat(101))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("resellerId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=1000000", "size=0", "page=-1", "page=2000000000&size=200", "size=abc" })
	void ledgerPagesOutOfBoundsAreBadRequests(String query) {
		Reseller reseller = newReseller();

		web.get()
			.uri("/api/v1/account/ledger?" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private WebTestClient.ResponseSpec send(HttpMethod method, String uri, String key, String contentType,
			String body) {
		WebTestClient.RequestBodySpec request = web.method(method)
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.header("Idempotency-Key", UUID.randomUUID().toString());
		if (!contentType.isEmpty()) {
			request.contentType(MediaType.parseMediaType(contentType));
		}
		// bytes, so that the client adds no content type of its own
		return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
	}

	private WebTestClient.ResponseSpec topUp(Reseller reseller, Map<String, Object> body) {
		return web.post()
			.uri("/api/v1/account/top-ups")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + reseller.apiKey())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(body)
			.exchange();
	}

	private long accountsNamed(String name) {
		return mongo.count(Query.query(Criteria.where("name").is(name)), Account.COLLECTION).block();
	}

	/**
	 * A balance no series of bounded top-ups reaches in a test, written as a ledger entry
	 * and the account's balance together so the money invariants still hold.
	 */
	private void givenTheBalance(Reseller reseller, long balance) {
		mongo
			.insert(new LedgerEntry(reseller.resellerId() + ":seed", reseller.resellerId(), 1, Instant.now(),
					EntryType.TOP_UP, balance, "USD", null, balance, "seed", List.of()))
			.block();
		mongo
			.updateFirst(Query.query(Criteria.where("_id").is(reseller.resellerId())),
					new Update().set("balance", balance).set("ledgerSeq", 1L), Document.class, Account.COLLECTION)
			.block();
	}

}
