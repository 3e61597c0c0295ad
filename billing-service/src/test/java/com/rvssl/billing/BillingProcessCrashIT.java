package com.rvssl.billing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.rvssl.billing.BillingIntegrationTest.Reseller;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.ServiceJar;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TopicRecorder;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing-service process, run from its packaged jar, is killed (SIGKILL, no shutdown
 * hooks) while it is working through a burst of orders, and started again on the same
 * broker and database. Runs under failsafe, after {@code package} built
 * {@code target/billing-service.jar}.
 */
class BillingProcessCrashIT {

	private static final String OPERATOR_KEY = "crash-it-operator-key";

	private static final String DATABASE = "billing-crash-it";

	private static final int ORDERS = 200;

	private static final int CREDIT_FOR = 120;

	private static final long PRICE = 1_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<ServiceJar> started = new ArrayList<>();

	private MongoClient mongoClient;

	@AfterEach
	void stopProcesses() {
		started.forEach(ServiceJar::close);
		if (mongoClient != null) {
			mongoClient.close();
		}
	}

	@Test
	void theBillingProcessKilledInTheMiddleOfABurstAndRestartedEndsWithEveryOrderPaidOnceOrWaitingAndNoneLost()
			throws Exception {
		String mongoUri = TestInfrastructure.mongoUri(DATABASE);
		mongoClient = MongoClients.create(mongoUri);
		ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(mongoClient, DATABASE);
		ServiceJar first = start(mongoUri, 1);
		// only now: the process created the topics, and a consumer subscribed before that
		// would not see them for minutes
		TopicRecorder topics = TopicRecorder.get();
		Reseller reseller = register(first);
		topUp(first, reseller, CREDIT_FOR * PRICE);
		List<String> orderIds = IntStream.range(0, ORDERS).mapToObj((i) -> "ord-crash-" + UUID.randomUUID()).toList();

		// most of the burst, from several threads; kill the process while it works
		// through it
		int beforeKill = ORDERS * 3 / 4;
		publishFromThreads(reseller, orderIds.subList(0, beforeKill));
		long handledAtKill = eventually().until(() -> handled(mongo, reseller), (count) -> count >= 20);
		first.kill();
		long handledAfterKill = handled(mongo, reseller);
		System.out.println("Killed billing-service with " + handledAtKill + " of " + ORDERS + " orders handled");
		assertThat(handledAfterKill).as("the process died in the middle of the burst").isLessThan(beforeKill);
		// the rest of the burst arrives while billing is down
		publishFromThreads(reseller, orderIds.subList(beforeKill, ORDERS));

		ServiceJar second = start(mongoUri, 2);

		eventually().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
			Document account = account(mongo, reseller);
			assertThat(account.getList("inflight", Document.class)).isEmpty();
			assertThat(account.getList("outbox", Document.class)).isEmpty();
			assertThat(waiting(account).size() + charged(mongo, reseller).size()).isEqualTo(ORDERS);
		});
		Document account = account(mongo, reseller);
		List<String> waiting = waiting(account);
		List<String> charged = charged(mongo, reseller);
		assertThat(charged).as("paid exactly once").hasSize(CREDIT_FOR).doesNotHaveDuplicates();
		assertThat(waiting).hasSize(ORDERS - CREDIT_FOR).doesNotHaveDuplicates().doesNotContainAnyElementsOf(charged);
		Set<String> all = new HashSet<>(charged);
		all.addAll(waiting);
		assertThat(all).as("no order lost").containsExactlyInAnyOrderElementsOf(orderIds);
		assertThat(account.get("balance", Number.class).longValue()).isZero();
		BillingInvariants.assertHold(mongo);

		JsonNode view = get(second, reseller, "/api/v1/account");
		assertThat(view.get("balance").get("amount").asLong()).isZero();
		assertThat(view.get("waitingForPayment").get("count").asInt()).isEqualTo(ORDERS - CREDIT_FOR);
		JsonNode ledger = get(second, reseller, "/api/v1/account/ledger?size=200").get("content");
		long sum = 0;
		for (JsonNode line : ledger) {
			sum += line.get("amount").get("amount").asLong();
		}
		assertThat(ledger.size()).isEqualTo(CREDIT_FOR + 1);
		assertThat(sum).isZero();
		// what the rest of the platform heard: one capture per paid order (a republished
		// event keeps its id)
		eventually().untilAsserted(() -> assertThat(charged)
			.allSatisfy((id) -> assertThat(topics.distinct(id, PaymentCaptured.class)).hasSize(1)));
		eventually().untilAsserted(() -> assertThat(waiting)
			.allSatisfy((id) -> assertThat(topics.distinct(id, CreditInsufficient.class)).hasSize(1)));
		assertThat(waiting).allSatisfy((id) -> assertThat(topics.distinct(id, PaymentCaptured.class)).isEmpty());
	}

	private static ConditionFactory eventually() {
		return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50));
	}

	private static void publishFromThreads(Reseller reseller, List<String> orderIds) throws InterruptedException {
		List<Thread> producers = new ArrayList<>();
		for (int p = 0; p < 4; p++) {
			int producer = p;
			Thread thread = new Thread(() -> {
				for (int i = producer; i < orderIds.size(); i += 4) {
					BillingIntegrationTest
						.publish(BillingIntegrationTest.orderPlaced(reseller, orderIds.get(i), PRICE));
				}
			}, "burst-" + p);
			thread.start();
			producers.add(thread);
		}
		for (Thread thread : producers) {
			thread.join();
		}
	}

	/** Orders billing has decided on so far: charged (in the ledger) or queued. */
	private static long handled(ReactiveMongoTemplate mongo, Reseller reseller) {
		return charged(mongo, reseller).size() + waiting(account(mongo, reseller)).size();
	}

	private static Document account(ReactiveMongoTemplate mongo, Reseller reseller) {
		return mongo.findById(reseller.resellerId(), Document.class, "accounts").block(Duration.ofSeconds(10));
	}

	private static List<String> waiting(Document account) {
		return account.getList("waiting", Document.class).stream().map((order) -> order.getString("orderId")).toList();
	}

	private static List<String> charged(ReactiveMongoTemplate mongo, Reseller reseller) {
		return mongo
			.find(Query.query(Criteria.where("resellerId").is(reseller.resellerId()).and("type").is("CHARGE")),
					Document.class, "ledger")
			.map((entry) -> entry.getString("orderId"))
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	private ServiceJar start(String mongoUri, int run) throws Exception {
		ServiceJar billing = ServiceJar.start("billing-service", "billing-crash-it-" + run,
				"--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
				"--spring.mongodb.uri=" + mongoUri, "--rvssl.security.operator-key-hash=" + ApiKeys.hash(OPERATOR_KEY),
				"--rvssl.billing.sweep-interval=PT1S", "--rvssl.outbox.sweep-interval=PT1S",
				// no top-up here goes through the provider; billing only needs to be
				// configured
				"--rvssl.payments.webhook-secret=crash-test-webhook-secret",
				"--rvssl.payments.provider.base-url=http://127.0.0.1:9/unused",
				"--rvssl.payments.provider.api-key=crash-test-provider-key");
		started.add(billing);
		return billing.awaitReady(Duration.ofMinutes(2));
	}

	private Reseller register(ServiceJar running) throws Exception {
		HttpResponse<String> response = send(running,
				HttpRequest.newBuilder(running.uri("/api/v1/admin/resellers"))
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Crash Hosting\",\"currency\":\"USD\"}")),
				OPERATOR_KEY);
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = JSON.readTree(response.body());
		return new Reseller(body.get("resellerId").asString(), body.get("apiKey").asString());
	}

	/** The operator records a bank transfer: credit at once. */
	private void topUp(ServiceJar running, Reseller reseller, long amount) throws Exception {
		HttpResponse<String> response = send(running,
				HttpRequest.newBuilder(running.uri("/api/v1/admin/resellers/" + reseller.resellerId() + "/top-ups"))
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(HttpRequest.BodyPublishers.ofString(
							"{\"amount\":{\"amount\":" + amount + ",\"currency\":\"USD\"},\"reference\":\"wire\"}")),
				OPERATOR_KEY);
		assertThat(response.statusCode()).isEqualTo(201);
	}

	private JsonNode get(ServiceJar running, Reseller reseller, String path) throws Exception {
		HttpResponse<String> response = send(running, HttpRequest.newBuilder(running.uri(path)).GET(),
				reseller.apiKey());
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(ServiceJar running, HttpRequest.Builder request, String key)
			throws IOException, InterruptedException {
		request.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
