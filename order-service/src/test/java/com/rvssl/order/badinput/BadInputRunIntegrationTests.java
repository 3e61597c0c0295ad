package com.rvssl.order.badinput;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.ResellerRegistered;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestSeed;
import com.rvssl.kit.test.badinput.BadInputRun;
import com.rvssl.kit.test.badinput.BadInputSettings;
import com.rvssl.kit.test.badinput.BadRequest;
import com.rvssl.kit.test.badinput.BadRequests;
import com.rvssl.kit.test.badinput.Credential;
import com.rvssl.kit.test.badinput.MongoSnapshot;
import com.rvssl.kit.test.badinput.OpenApiOperations;
import com.rvssl.kit.test.badinput.Operation;
import com.rvssl.kit.test.badinput.SpringTestInstance;
import com.rvssl.order.support.OrderServiceIntegrationTest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import org.bson.conversions.Bson;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of generated bad requests (see {@link BadRequests}) to every operation of the
 * OpenAPI description the running service serves, made by resellers of the run's own (one
 * order each, in AWAITING_CONFIGURATION) and aimed also at another reseller's order:
 * every answer must be a 4xx problem, and the database must hold the same documents
 * afterwards. Prints the counts per class of bad input.
 */
class BadInputRunIntegrationTests extends OrderServiceIntegrationTest {

	private static final int RESELLERS = 24;

	private static final String DOMAIN = "fuzz.example.com";

	@Autowired
	ReactiveMongoTemplate mongo;

	@Value("${local.server.port}")
	int port;

	private BadInputRun run;

	private MongoSnapshot before;

	private Map<String, Bson> watched;

	private List<Operation> operations;

	@Property
	@AddLifecycleHook(BadInputSettings.class)
	void everyBadRequestIsAnsweredWithAProblemAndChangesNothing(@ForAll("badRequests") BadRequest request) {
		start();
		this.run.send(request);
	}

	@Provide
	Arbitrary<BadRequest> badRequests() {
		start();
		Map<String, Arbitrary<BadRequest>> tenancy = Map.of("other-reseller",
				BadRequests.aimedAt("other-reseller", this.operations, "{own-order}", "{other-order}"));
		return BadRequests.of(this.operations, tenancy);
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
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), DOMAIN);
		this.operations = OpenApiOperations.from(description(), validBodies(csr), BadInputRunIntegrationTests::runPath,
				(path) -> path.startsWith("/api/v1/admin/") ? Credential.OPERATOR : Credential.RESELLER,
				Set.of("productCode", "csr", "domains"), Set.of("GET /api/v1/orders domain"));
		List<TestReseller> resellers = register(RESELLERS + 1);
		TestReseller other = resellers.get(RESELLERS);
		String otherOrder = placed(other, validOrder(null));
		List<Map<String, String>> members = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (TestReseller reseller : resellers.subList(0, RESELLERS)) {
			Map<String, String> member = new LinkedHashMap<>();
			member.put("reseller-key", reseller.key());
			member.put("own-order", placed(reseller, validOrder(null)));
			member.put("other-order", otherOrder);
			member.put("other-key", other.key());
			members.add(member);
			ids.add(reseller.id());
		}
		ids.add(other.id());
		this.watched = Map.of("orders", Filters.in("resellerId", ids), "auto_order_settings", Filters.in("_id", ids),
				"retail_price_overrides", Filters.in("resellerId", ids), "catalog_price_changes", Filters.empty());
		this.before = MongoSnapshot.settled(this.mongo, this.watched);
		this.run = new BadInputRun("order-service", this.http, "http://localhost:" + this.port, members, OPERATOR_KEY);
	}

	/** The description the running service serves: what the run is driven by. */
	private JsonNode description() {
		return this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static String runPath(String described) {
		return described.replace("{id}", "{own-order}").replace("{code}", "rapidssl-dv").replace("{termMonths}", "12");
	}

	private static Map<String, String> validBodies(String csr) {
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("PlaceOrder", json(validOrder(csr)));
		bodies.put("Configure", json(Map.of("csr", csr, "dcv", dcv())));
		bodies.put("Reissue", json(Map.of("csr", csr)));
		bodies.put("DecodeCsr", json(Map.of("csr", csr)));
		bodies.put("Cancel", json(Map.of("reason", "the customer changed their mind")));
		bodies.put("AutoOrder", json(Map.of("mode", "MANUAL")));
		bodies.put("DcvBody", json(dcv()));
		bodies.put("RetailPrice", json(Map.of("retail", usd(2499))));
		bodies.put("CatalogPrices", json(Map.of("prices",
				List.of(Map.of("termMonths", 12, "wholesale", usd(900), "recommendedRetail", usd(1999))))));
		return bodies;
	}

	private static Map<String, Object> validOrder(String csr) {
		Map<String, Object> body = new LinkedHashMap<>(dvOrder(DOMAIN, csr));
		body.put("whmcsServiceId", "svc-" + UUID.randomUUID());
		body.put("organization",
				Map.of("name", "Example Shop", "country", "TH", "city", "Bangkok", "address", "1 Sukhumvit Road",
						"phone", "+66 2 123 4567", "contact",
						Map.of("name", "Somchai Jaidee", "email", "somchai@" + DOMAIN, "phone", "+66 2 123 4567")));
		return body;
	}

	private static Map<String, Object> dcv() {
		return Map.of("method", "EMAIL", "approverEmail", "admin@" + DOMAIN);
	}

	private static Map<String, Object> usd(long amount) {
		return Map.of("amount", amount, "currency", "USD");
	}

	/**
	 * Registers resellers the way billing does, all at once, and waits for their keys.
	 */
	private List<TestReseller> register(int count) {
		List<TestReseller> resellers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = "fuzz-reseller-" + UUID.randomUUID();
			String key = "fuzz-key-" + UUID.randomUUID();
			send(EventEnvelope.of(id, id,
					new ResellerRegistered("Fuzz " + id, "USD", ApiKeys.hash(key), "ops@" + id + ".example")));
			resellers.add(new TestReseller(id, key));
		}
		for (TestReseller reseller : resellers) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> this.http.get()
					.uri("/api/v1/settings/auto-order")
					.header("Authorization", "Bearer " + reseller.key())
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.equals(HttpStatus.OK));
		}
		return resellers;
	}

}
