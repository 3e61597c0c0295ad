package com.rvssl.billing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.rvssl.kit.test.TestSeed;
import com.rvssl.kit.test.badinput.BadInputRun;
import com.rvssl.kit.test.badinput.BadInputSettings;
import com.rvssl.kit.test.badinput.BadRequest;
import com.rvssl.kit.test.badinput.BadRequests;
import com.rvssl.kit.test.badinput.Credential;
import com.rvssl.kit.test.badinput.Field;
import com.rvssl.kit.test.badinput.MongoSnapshot;
import com.rvssl.kit.test.badinput.Operation;
import com.rvssl.kit.test.badinput.Operation.IdempotencyKey;
import com.rvssl.kit.test.badinput.SpringTestInstance;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import org.bson.conversions.Bson;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated bad requests (see {@link BadRequests}) to billing's reseller and
 * operator API, made by resellers of the run's own and aimed also at another reseller's
 * account: every answer must be a 4xx problem, and no account, balance or ledger entry
 * may change. Billing has no OpenAPI description: its operations are the table below,
 * from {@code API.md} and the controllers (the top-up lookup and the operator's bank
 * transfer are those API.md describes for top-ups that are payments).
 */
class BadInputRunIntegrationTests extends BillingIntegrationTest {

	private static final int RESELLERS = 4;

	private static final String[] BAD_AMOUNTS = { "0", "-1", "9223372036854775807", "9223372036854775808",
			"-9223372036854775808", "1e309", "-1e309", "1999.5", "1e20", "100000000001", "NaN" };

	private static final String MONEY = "{\"amount\":{\"amount\":1000,\"currency\":\"USD\"},\"reference\":\"wire 42\"}";

	static final List<Operation> OPERATIONS = List.of(Operation.of("GET", "/api/v1/account", Credential.RESELLER),
			Operation.of("PUT", "/api/v1/account/low-credit-threshold", Credential.RESELLER)
				.withBody("{\"threshold\":{\"amount\":5000,\"currency\":\"USD\"}}",
						Field.object("/threshold").mandatory(),
						Field
							.number("/threshold/amount", "-1", "9223372036854775807", "9223372036854775808", "1e309",
									"2.5", "1e20", "100000000001")
							.mandatory(),
						Field.code("/threshold/currency").mandatory().refusing("\"ZZZ\"", "\"usd\"")),
			Operation.of("POST", "/api/v1/account/top-ups", Credential.RESELLER)
				.withBody(MONEY, Field.object("/amount").mandatory(),
						Field.number("/amount/amount", BAD_AMOUNTS).mandatory(),
						Field.code("/amount/currency").mandatory().refusing("\"ZZZ\"", "\"EUR\""),
						Field.text("/reference", 200))
				.withIdempotencyKey(IdempotencyKey.REQUIRED),
			Operation.of("GET", "/api/v1/account/top-ups/{own-top-up}", Credential.RESELLER),
			Operation.of("GET", "/api/v1/account/ledger", Credential.RESELLER)
				.withQuery("page", false, "-1", "2147483648", "1e309", "2.5", "abc", "%00")
				.withQuery("size", false, "0", "201", "-1", "2147483648", "1e309", "2.5", "abc"),
			Operation.of("GET", "/api/v1/account/waiting-orders", Credential.RESELLER),
			Operation.of("POST", "/api/v1/admin/resellers", Credential.OPERATOR)
				.withBody("{\"name\":\"Fuzz Hosting\",\"currency\":\"USD\",\"email\":\"ops@fuzz.example.com\"}",
						Field.text("/name", 200).mandatory(), Field.code("/currency").refusing("\"ZZZ\"", "\"usd\""),
						Field.code("/email")),
			Operation.of("POST", "/api/v1/admin/resellers/{other-reseller}/top-ups", Credential.OPERATOR)
				.withBody(MONEY, Field.object("/amount").mandatory(),
						Field.number("/amount/amount", BAD_AMOUNTS).mandatory(),
						Field.code("/amount/currency").mandatory().refusing("\"ZZZ\"", "\"EUR\""),
						Field.text("/reference", 200))
				.withIdempotencyKey(IdempotencyKey.REQUIRED));

	@Value("${local.server.port}")
	int port;

	private BadInputRun run;

	private MongoSnapshot before;

	private Map<String, Bson> watched;

	@Property
	@AddLifecycleHook(BadInputSettings.class)
	void everyBadRequestIsAnsweredWithAProblemAndChangesNothing(@ForAll("badRequests") BadRequest request) {
		start();
		this.run.send(request);
	}

	@Provide
	Arbitrary<BadRequest> badRequests() {
		Map<String, Arbitrary<BadRequest>> own = new LinkedHashMap<>();
		own.put("other-reseller", Arbitraries.oneOf(
				BadRequests.aimedAt("other-reseller", OPERATIONS, "{own-top-up}", "{other-top-up}"),
				Arbitraries.of(OPERATIONS)
					.filter((operation) -> operation.path().startsWith("/api/v1/account"))
					.map((operation) -> new BadRequest("other-reseller", operation.method(),
							operation.path() + "?resellerId={other-reseller}", Credential.RESELLER, List.of(),
							operation.hasBody() ? "application/json" : null, operation.hasBody()
									? operation.body().getBytes(java.nio.charset.StandardCharsets.UTF_8) : null))));
		// the operator's API with a reseller's key
		own.put("wrong-role", Arbitraries.of(OPERATIONS)
			.filter((operation) -> operation.caller() == Credential.OPERATOR)
			.map((operation) -> new BadRequest("wrong-role", operation.method(), operation.path(), Credential.RESELLER,
					List.of(new com.rvssl.kit.test.badinput.Header("Idempotency-Key", "{fresh}")), "application/json",
					operation.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		return BadRequests.of(OPERATIONS, own);
	}

	@AfterProperty
	void nothingChangedAndEveryAnswerWasAProblem() {
		System.out.println(this.run.summary(TestSeed.get()));
		this.run.findingExamples().forEach((finding) -> System.out.println("  " + finding));
		List<String> changes = this.before.changesIn(MongoSnapshot.settled(this.mongo, this.watched));
		changes.forEach((change) -> System.out.println("  database changed: " + change));
		assertThat(this.run.total()).isEqualTo(BadInputSettings.tries());
		assertThat(this.run.findingExamples()).as("answers that are not 4xx problems").isEmpty();
		assertThat(changes).as("changes in the database").isEmpty();
	}

	private synchronized void start() {
		if (this.run != null) {
			return;
		}
		SpringTestInstance.prepare(this);
		connectToTopics();
		Reseller other = newReseller();
		String otherTopUp = topUp(other, 5_000).id();
		List<Map<String, String>> members = new ArrayList<>();
		List<String> ids = new ArrayList<>(List.of(other.resellerId()));
		for (int i = 0; i < RESELLERS; i++) {
			Reseller reseller = newReseller();
			Map<String, String> member = new LinkedHashMap<>();
			member.put("reseller-key", reseller.apiKey());
			member.put("own-top-up", topUp(reseller, 5_000).id());
			member.put("other-reseller", other.resellerId());
			member.put("other-top-up", otherTopUp);
			member.put("other-key", other.apiKey());
			members.add(member);
			ids.add(reseller.resellerId());
		}
		this.watched = Map.of("accounts", Filters.in("_id", ids), "ledger", Filters.in("resellerId", ids));
		this.before = MongoSnapshot.settled(this.mongo, this.watched);
		this.run = new BadInputRun("billing-service", this.web, "http://localhost:" + this.port, members, OPERATOR_KEY);
	}

}
