package com.rvssl.gateway.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.gateway.adapters.CaAccount;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.kit.test.TopicRecorder;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two accounts per CA, against a sandbox CA that knows both keys and both logins and
 * scopes every order to the account that placed it (another account's order is a 404, or
 * Sectigo's {@code -4}, as for an order that does not exist): orders spread over the two
 * accounts by their order id, every later call about an order (DCV resend, status,
 * download, reissue, cancel, from the orders topic and from status-sync's internal API)
 * goes through the account that placed it, a record without an account belongs to the
 * default account, and an account whose budget is spent holds back its own orders only.
 * <p>
 * The order ids are fixed (so which account each lands on is known, and both get some);
 * each order's account is checked against the stable choice and the sandbox's view. The
 * second DigiCert account has a budget of its own ({@code digicert-second}: 100 calls per
 * hour, so the test can spend it for good); the second Sectigo account takes the CA's.
 * The tests run in order: the last one spends the second DigiCert account's budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.gateway.sweep.interval=PT0.5S", "rvssl.gateway.submission.retries=1",
				"rvssl.gateway.submission.retry-backoff=PT0.2S", "rvssl.gateway.submission.reattempt-base=PT1S",
				"rvssl.gateway.submission.reattempt-max=PT2S",
				"resilience4j.timelimiter.instances.digicert.timeout-duration=6s",
				"resilience4j.timelimiter.instances.sectigo.timeout-duration=6s",
				"rvssl.ca.digicert.accounts[0].name=default", "rvssl.ca.digicert.accounts[0].api-key=sandbox-devkey",
				"rvssl.ca.digicert.accounts[1].name=second", "rvssl.ca.digicert.accounts[1].api-key=second-key",
				"rvssl.ca.sectigo.accounts[0].name=default", "rvssl.ca.sectigo.accounts[0].login-name=sandbox-reseller",
				"rvssl.ca.sectigo.accounts[0].login-password=sandbox-password",
				"rvssl.ca.sectigo.accounts[1].name=second", "rvssl.ca.sectigo.accounts[1].login-name=second-reseller",
				"rvssl.ca.sectigo.accounts[1].login-password=second-password",
				"resilience4j.ratelimiter.instances.digicert-second.limit-for-period=100",
				"resilience4j.ratelimiter.instances.digicert-second.limit-refresh-period=1h",
				"resilience4j.ratelimiter.instances.digicert-second.timeout-duration=2s" })
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// closed after the class: another gateway context in this JVM would share its Kafka
// consumer group
@DirtiesContext
class CaAccountsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final List<String> ACCOUNTS = List.of("default", "second");

	/** The sandbox's name of each gateway Sectigo account: its login name. */
	private static final Map<String, String> SECTIGO_LOGINS = Map.of("default", "sandbox-reseller", "second",
			"second-reseller");

	// orders stay pending until the test advances them
	@RegisterExtension
	static final SandboxCaForClass sandbox = SandboxCaForClass.starting("PT1H",
			"--sandbox.digicert.accounts[0].name=second", "--sandbox.digicert.accounts[0].api-key=second-key",
			"--sandbox.sectigo.accounts[0].login-name=second-reseller",
			"--sandbox.sectigo.accounts[0].login-password=second-password");

	private final TopicRecorder published = TopicRecorder.get();

	@Autowired
	KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	WebTestClient anyone;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	RateLimiterRegistry rateLimiters;

	/** What status-sync is: a client with the platform's service key. */
	WebTestClient client;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "gateway-accounts-tests");
		TestKeys.register(registry);
		sandbox.register(registry);
	}

	@BeforeEach
	void callAsAService() {
		client = anyone.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.SERVICE_KEY).build();
	}

	@Test
	@Order(1)
	void digicertOrdersSpreadOverBothAccountsAndEveryLaterCallGoesThroughTheAccountThatPlacedIt() {
		List<String> orderIds = IntStream.rangeClosed(1, 16).mapToObj(i -> String.format("ord-dc-%02d", i)).toList();
		orderIds.forEach(orderId -> submit(CertificateAuthority.DIGICERT, orderId, "ssl_dv_rapidssl"));
		Map<String, String> caOrderIds = new LinkedHashMap<>();
		orderIds.forEach(orderId -> caOrderIds.put(orderId, awaitSubmitted(orderId).caOrderId()));

		Map<String, List<String>> byAccount = new LinkedHashMap<>();
		for (String orderId : orderIds) {
			String account = CaAccount.choose(orderId, ACCOUNTS);
			assertThat(sandbox.get().ordersWithReference(orderId)).as(orderId)
				.singleElement()
				.satisfies(order -> assertThat(order).containsEntry("account", account)
					.containsEntry("caOrderId", caOrderIds.get(orderId)));
			assertThat(summary(orderId)).containsEntry("caAccount", account);
			byAccount.computeIfAbsent(account, name -> new ArrayList<>()).add(orderId);
		}
		System.out.println("DigiCert orders by account: " + byAccount);
		assertThat(byAccount).containsOnlyKeys(ACCOUNTS);
		assertThat(byAccount.values()).allSatisfy(orders -> assertThat(orders).hasSizeGreaterThanOrEqualTo(4));

		// DCV resend (a change, from the orders topic) and status (a read, from
		// status-sync) of every order: through another key each would be a 404
		orderIds.forEach(orderId -> publish(event(orderId, new DcvResendRequested("admin@" + domain(orderId)))));
		orderIds.forEach(orderId -> awaitCaAction(orderId, "DCV_RESEND"));
		orderIds.forEach(orderId -> assertThat(caStatus(orderId)).containsEntry("status", "PENDING_VALIDATION"));

		// in each account, every other order is cancelled while pending; the rest are
		// issued, downloaded and reissued
		List<String> cancelled = new ArrayList<>();
		List<String> issued = new ArrayList<>();
		byAccount.values().forEach(orders -> {
			for (int i = 0; i < orders.size(); i++) {
				(i % 2 == 0 ? cancelled : issued).add(orders.get(i));
			}
		});
		cancelled.forEach(orderId -> publish(event(orderId, OrderCancelled.requested("changed my mind"))));
		issued.forEach(orderId -> sandbox.get().advance(caOrderIds.get(orderId), Map.of("to", "issued")));
		for (String orderId : issued) {
			assertThat(caStatus(orderId)).containsEntry("status", "ISSUED");
			assertThat(certificate(orderId)).containsKey("pemChain");
			publish(event(orderId, new ReissueRequested(csrFor(domain(orderId)))));
		}
		issued.forEach(orderId -> awaitCaAction(orderId, "REISSUE"));
		for (String orderId : cancelled) {
			CertificateCancelled confirmed = await().atMost(PATIENCE)
				.until(() -> published.of(orderId, CertificateCancelled.class), found -> !found.isEmpty())
				.get(0);
			assertThat(confirmed.caOrderId()).as(orderId).isEqualTo(caOrderIds.get(orderId));
		}
		for (String orderId : orderIds) {
			Map<String, Object> atCa = sandbox.get().ordersWithReference(orderId).get(0);
			assertThat(atCa.get("status")).as(orderId).isEqualTo(cancelled.contains(orderId) ? "canceled" : "issued");
			assertThat(atCa.get("dcvEmailsResent")).as(orderId).isEqualTo(1);
			assertThat(atCa.get("reissues")).as(orderId).isEqualTo(issued.contains(orderId) ? 1 : 0);
		}
		assertThat(cancelled).anyMatch(byAccount.get("second")::contains);
		assertThat(issued).anyMatch(byAccount.get("second")::contains);
	}

	@Test
	@Order(2)
	void sectigoOrdersSpreadOverBothLoginsAndAreReadDownloadedReissuedAndRevokedThroughTheirOwn() {
		List<String> orderIds = List.of(idOn("default", "ord-sectigo-"), idOn("second", "ord-sectigo-"));
		orderIds.forEach(orderId -> submit(CertificateAuthority.SECTIGO, orderId, "287"));
		for (String orderId : orderIds) {
			String caOrderId = awaitSubmitted(orderId).caOrderId();
			String account = CaAccount.choose(orderId, ACCOUNTS);
			assertThat(sandbox.get().ordersWithReference(orderId)).singleElement()
				.satisfies(order -> assertThat(order).containsEntry("account", SECTIGO_LOGINS.get(account)));
			assertThat(caStatus(orderId)).containsEntry("status", "PENDING_VALIDATION");
			sandbox.get().advance(caOrderId, Map.of("to", "issued"));
			assertThat(caStatus(orderId)).containsEntry("status", "ISSUED");
			assertThat(certificate(orderId)).containsKey("pemChain");
			publish(event(orderId, new ReissueRequested(csrFor(domain(orderId)))));
			awaitCaAction(orderId, "REISSUE");
			publish(event(orderId, OrderCancelled.requested("no longer needed")));
			await().atMost(PATIENCE).until(() -> !published.of(orderId, CertificateCancelled.class).isEmpty());
			assertThat(sandbox.get().ordersWithReference(orderId)).singleElement()
				.satisfies(order -> assertThat(order).containsEntry("status", "revoked").containsEntry("reissues", 1));
		}
		// the second login's budget is a limiter of its own, configured like Sectigo's
		RateLimiterConfig sectigo = rateLimiters.rateLimiter("sectigo").getRateLimiterConfig();
		RateLimiterConfig second = rateLimiters.find("sectigo-second").orElseThrow().getRateLimiterConfig();
		assertThat(second.getLimitForPeriod()).isEqualTo(sectigo.getLimitForPeriod());
		assertThat(second.getLimitRefreshPeriod()).isEqualTo(sectigo.getLimitRefreshPeriod());
		assertThat(second.getTimeoutDuration()).isEqualTo(sectigo.getTimeoutDuration());
	}

	@Test
	@Order(3)
	void aRecordWithoutAnAccountIsTheDefaultAccountsAndAnAccountNoLongerConfiguredIsUnavailable() {
		String onDefault = idOn("default", "ord-no-account-");
		String onSecond = idOn("second", "ord-no-account-");
		submit(CertificateAuthority.DIGICERT, onDefault, "ssl_dv_rapidssl");
		submit(CertificateAuthority.DIGICERT, onSecond, "ssl_dv_rapidssl");
		String caOrderId = awaitSubmitted(onDefault).caOrderId();
		awaitSubmitted(onSecond);

		// a record kept before accounts existed: no account, the default one's
		setAccount(onDefault, null);
		assertThat(summary(onDefault).get("caAccount")).isNull();
		assertThat(caStatus(onDefault)).containsEntry("status", "PENDING_VALIDATION");
		sandbox.get().advance(caOrderId, Map.of("to", "issued"));
		assertThat(certificate(onDefault)).containsKey("pemChain");
		publish(event(onDefault, new ReissueRequested(csrFor(domain(onDefault)))));
		awaitCaAction(onDefault, "REISSUE");

		// the account decides: the second account's order asked through the default one
		// is unknown there
		setAccount(onSecond, null);
		problem(onSecond, 404, "/order-not-found");
		setAccount(onSecond, "gone");
		assertThat(problem(onSecond, 503, "/ca-unavailable")).contains("'gone'").contains("not configured");
		setAccount(onSecond, "second");
		assertThat(caStatus(onSecond)).containsEntry("status", "PENDING_VALIDATION");
	}

	@Test
	@Order(4)
	void anAccountWhoseBudgetIsSpentHoldsBackItsOwnOrdersWhileTheOtherAccountsGoThrough() {
		String readOnSecond = idOn("second", "ord-over-budget-");
		String readOnDefault = idOn("default", "ord-over-budget-");
		submit(CertificateAuthority.DIGICERT, readOnSecond, "ssl_dv_rapidssl");
		submit(CertificateAuthority.DIGICERT, readOnDefault, "ssl_dv_rapidssl");
		awaitSubmitted(readOnSecond);
		awaitSubmitted(readOnDefault);
		// the second account's own limiter, as configured for it (not DigiCert's)
		assertThat(rateLimiters.rateLimiter("digicert-second").getRateLimiterConfig().getLimitRefreshPeriod())
			.isEqualTo(Duration.ofHours(1));

		// the second account spends the rest of its budget (an hour's worth)
		rateLimiters.rateLimiter("digicert-second").drainPermissions();

		problem(readOnSecond, 503, "/ca-over-budget");
		assertThat(caStatus(readOnDefault)).containsEntry("status", "PENDING_VALIDATION");
		String newOnSecond = idOn("second", "ord-over-budget-new-");
		String newOnDefault = idOn("default", "ord-over-budget-new-");
		submit(CertificateAuthority.DIGICERT, newOnSecond, "ssl_dv_rapidssl");
		submit(CertificateAuthority.DIGICERT, newOnDefault, "ssl_dv_rapidssl");
		awaitSubmitted(newOnDefault);
		await().atMost(PATIENCE).until(() -> "RETRYING".equals(summary(newOnSecond).get("state")));
		assertThat((String) summary(newOnSecond).get("lastError")).contains("digicert account second");
		assertThat(sandbox.get().ordersWithReference(newOnSecond)).isEmpty();
		assertThat(published.of(newOnSecond, CertificateSubmitted.class)).isEmpty();

		assertThat(prometheus())
			.containsPattern(
					"rvssl_ca_budget_refused_total\\{account=\"second\",ca=\"digicert\",priority=\"status\"\\} [1-9]")
			.containsPattern(
					"rvssl_ca_budget_refused_total\\{account=\"second\",ca=\"digicert\",priority=\"submission\"\\} [1-9]")
			.containsPattern(
					"rvssl_ca_budget_permits_total\\{account=\"default\",ca=\"digicert\",priority=\"submission\"\\}")
			.containsPattern("resilience4j_ratelimiter_available_permissions\\{.*name=\"digicert-second\"")
			.containsPattern("resilience4j_ratelimiter_available_permissions\\{.*name=\"sectigo-second\"");
	}

	/**
	 * The first id of this prefix and a number that the stable choice puts on the
	 * account.
	 */
	private static String idOn(String account, String prefix) {
		return IntStream.rangeClosed(1, 100)
			.mapToObj(i -> prefix + i)
			.filter(orderId -> CaAccount.choose(orderId, ACCOUNTS).equals(account))
			.findFirst()
			.orElseThrow();
	}

	private void submit(CertificateAuthority ca, String orderId, String product) {
		publish(SubmissionIntegrationTests.placed(ca, orderId, product, Validation.DV, domain(orderId),
				csrFor(domain(orderId))));
		publish(SubmissionIntegrationTests.paid(orderId));
	}

	private CertificateSubmitted awaitSubmitted(String orderId) {
		return await().atMost(PATIENCE)
			.until(() -> published.of(orderId, CertificateSubmitted.class), found -> !found.isEmpty())
			.get(0);
	}

	@SuppressWarnings("unchecked")
	private void awaitCaAction(String orderId, String kind) {
		await().atMost(PATIENCE)
			.until(() -> ((List<Map<String, Object>>) summary(orderId).get("caActions")).stream()
				.anyMatch(action -> kind.equals(action.get("kind"))));
		assertThat((List<Map<String, Object>>) summary(orderId).get("caActions")).as(orderId)
			.filteredOn(action -> kind.equals(action.get("kind")))
			.singleElement()
			.satisfies(action -> assertThat(action).containsEntry("outcome", "DONE"));
	}

	/**
	 * Sets (null: removes) the account on the record, as a record kept before accounts.
	 */
	private void setAccount(String orderId, String account) {
		Update update = (account != null) ? new Update().set("caAccount", account) : new Update().unset("caAccount");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(orderId)), update, "submissions")
			.block(Duration.ofSeconds(10));
	}

	private Map<String, Object> caStatus(String orderId) {
		return read("/internal/v1/orders/{id}/ca-status", orderId);
	}

	private Map<String, Object> certificate(String orderId) {
		return read("/internal/v1/orders/{id}/certificate", orderId);
	}

	private Map<String, Object> read(String path, String orderId) {
		return CaReads.read(client, path, orderId, PATIENCE);
	}

	private Map<String, Object> summary(String orderId) {
		return body(client.get().uri("/internal/v1/orders/{id}", orderId));
	}

	/**
	 * The ca-status read answered with this problem (asked again while the default
	 * account's budget refuses it, unless that refusal is the problem expected); its
	 * detail.
	 */
	@SuppressWarnings("rawtypes")
	private String problem(String orderId, int status, String type) {
		String path = "/internal/v1/orders/{id}/ca-status";
		EntityExchangeResult<Map> read = type.endsWith("/ca-over-budget")
				? client.get().uri(path, orderId).exchange().expectBody(Map.class).returnResult()
				: CaReads.answer(client, path, orderId, PATIENCE);
		assertThat(read.getStatus().value()).isEqualTo(status);
		assertThat((String) read.getResponseBody().get("type")).endsWith(type);
		return (String) read.getResponseBody().get("detail");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(WebTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private String prometheus() {
		return anyone.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static String domain(String orderId) {
		return orderId + ".example.com";
	}

	private static String csrFor(String domain) {
		return TestCertificates.csr(TestCertificates.rsa2048(), domain, "www." + domain);
	}

	private static EventEnvelope event(String orderId, com.rvssl.contracts.events.OrderEvent payload) {
		return SubmissionIntegrationTests.event(orderId, payload);
	}

	private void publish(EventEnvelope envelope) {
		try {
			kafka.send(Topics.ORDERS, envelope.key(), envelope).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish " + envelope.type(), ex);
		}
	}

}
