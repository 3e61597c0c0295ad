package com.rvssl.kit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.kit.app.KitTestApplication;
import com.rvssl.kit.app.KitTestApplication.FailingListener;
import com.rvssl.kit.app.KitTestApplication.PollingListener;
import com.rvssl.kit.clock.ClockAdvanced;
import com.rvssl.kit.clock.MovableClock;
import com.rvssl.kit.test.PathBypassAssertions;
import com.rvssl.kit.test.ProbeAssertions;
import com.rvssl.kit.test.TestInfrastructure;
import com.rvssl.kit.test.TopicRecorder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kit's auto-configuration in the smallest service built on it, against the real
 * broker and wire server: deny by default (API, service and operator keys, the firewall,
 * the bypass shapes of a path), the problem shape, probes, retries and dead letters, and
 * the movable clock of whole-platform walks.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rvssl.clock.movable=true")
@AutoConfigureWebTestClient(timeout = "PT30S")
class ServiceKitIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	WebTestClient web;

	@Autowired
	KafkaTemplate<String, EventEnvelope> kafka;

	@Autowired
	FailingListener listener;

	@Autowired
	PollingListener pollingListener;

	@Autowired
	MeterRegistry meters;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "kit-tests");
	}

	@Test
	void anApiPathWithoutAKeyIsRefusedWithABearerChallengeAndAProblem() {
		web.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/unauthorized")
			.jsonPath("$.title")
			.isEqualTo("Unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.isEqualTo("A valid API key is required: Authorization: Bearer <key>.")
			.jsonPath("$.errors")
			.isEmpty();
	}

	@Test
	void aKeyNobodyHasIsRefusedInWords() {
		web.get()
			.uri("/api/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer rk_live_stolen")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The API key is not known.");
	}

	@Test
	void aResellerKeyIsAcceptedWhateverTheCaseOfTheScheme() {
		web.get()
			.uri("/api/me")
			.header(HttpHeaders.AUTHORIZATION, "bearer " + KitTestApplication.RESELLER_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.operator")
			.isEqualTo(false)
			.jsonPath("$.scope")
			.isEqualTo("reseller-one");
	}

	@Test
	void theOperatorKeySeesEveryReseller() {
		web.get()
			.uri("/api/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.operator")
			.isEqualTo(true)
			.jsonPath("$.scope")
			.isEqualTo("null");
	}

	@Test
	void publicPathsNeedNoKeyAndGetNoSession() {
		web.get()
			.uri("/open/ping")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE)
			.expectBody(String.class)
			.isEqualTo("pong");
	}

	@Test
	void aPathListedNowhereNeedsAKey() {
		web.get().uri("/unlisted/secret").exchange().expectStatus().isUnauthorized();
		web.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		web.get()
			.uri("/unlisted/secret")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void theBypassShapesOfAnApiPathAreRefusedWithoutAKey() {
		Map<String, EntityExchangeResult<byte[]>> answers = PathBypassAssertions.assertEveryShapeRefused(web,
				HttpMethod.GET, "/api/me", null, null);
		PathBypassAssertions.assertFirewallRejected(answers);
		assertThat(answers.get("encoded letter").getStatus().value()).isEqualTo(401);
		assertThat(answers.get("upper case").getStatus().value()).isEqualTo(401);
	}

	@Test
	void theBypassShapesOfAPostChangeNothing() {
		int before = KitTestApplication.THINGS_CREATED.get();

		PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.POST, "/api/things", null,
				"{\"name\": \"free\", \"quantity\": 1}");

		assertThat(KitTestApplication.THINGS_CREATED.get()).isEqualTo(before);
	}

	@Test
	void aPublicPathIsPublicOnlyInItsNormalizedForm() {
		PathBypassAssertions.assertFirewallRejected(
				PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.GET, "/unlisted/secret", null, null));
		// an encoded letter still names the public route, so it is as public as the route
		assertThat(PathBypassAssertions.send(web, HttpMethod.GET, "/%6Fpen/ping", null, null).getStatus().value())
			.isEqualTo(200);
		assertThat(PathBypassAssertions.send(web, HttpMethod.GET, "/OPEN/ping", null, null).getStatus().value())
			.isEqualTo(401);
		assertThat(PathBypassAssertions.send(web, HttpMethod.GET, "/open;x/ping", null, null).getStatus().value())
			.isEqualTo(400);
	}

	@Test
	void theFirewallsRefusalIsAProblem() {
		web.get()
			.uri((builder) -> URI.create(builder.replacePath(null).build() + "/api;x/me"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/rejected-request")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors")
			.isEmpty();
	}

	@Test
	void internalPathsTakeTheServiceKeyOrTheOperatorsAndRefuseResellers() {
		web.get().uri("/internal/v1/me").exchange().expectStatus().isUnauthorized();
		web.get()
			.uri("/internal/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		web.get()
			.uri("/internal/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.SERVICE_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("SERVICE");
		web.get()
			.uri("/internal/v1/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("OPERATOR");
	}

	@Test
	void theBypassShapesOfAnInternalPathAreRefusedToResellersAndStrangers() {
		PathBypassAssertions.assertFirewallRejected(PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.GET,
				"/internal/v1/me", KitTestApplication.RESELLER_KEY, null));
		PathBypassAssertions.assertEveryShapeRefused(web, HttpMethod.GET, "/internal/v1/me", null, null);
	}

	@Test
	void theServiceKeyOpensNothingButTheInternalPaths() {
		web.get()
			.uri("/api/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.SERVICE_KEY)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void invalidFieldsAreNamedInTheProblemsErrors() {
		web.post()
			.uri("/api/things")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \" \", \"quantity\": 0}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/invalid-request")
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.exists()
			.jsonPath("$.errors[?(@.field == 'quantity')].message")
			.exists();
	}

	@Test
	void springsOwnErrorsTakeTheSameShape() {
		web.post()
			.uri("/api/things")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Bad Request")
			.jsonPath("$.detail")
			.exists()
			.jsonPath("$.errors")
			.isEmpty();
	}

	@Test
	void aBodyInAnotherTypeThanJsonIsUnsupportedAndTheDetailNamesJson() {
		web.post()
			.uri("/api/things")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{\"name\": \"x\", \"quantity\": 1}")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/unsupported-media-type")
			.jsonPath("$.status")
			.isEqualTo(415)
			.jsonPath("$.detail")
			.isEqualTo("Content-Type 'text/plain' is not supported; send application/json.")
			.jsonPath("$.errors")
			.isEmpty();
	}

	@Test
	void aBodyWithoutAContentTypeIsUnsupportedToo() {
		web.post()
			.uri("/api/things")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.bodyValue("{\"name\": \"x\", \"quantity\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).endsWith("; send application/json."));
	}

	@Test
	void aMethodTheRouteDoesNotTakeIsAProblemNamingTheAllowedOnes() {
		web.put()
			.uri("/api/things")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/method-not-allowed")
			.jsonPath("$.detail")
			.isEqualTo("PUT is not allowed here; allowed: POST.")
			.jsonPath("$.errors")
			.isEmpty();
	}

	@Test
	void anAnswerTheClientDoesNotAcceptIsAProblemNamingWhatIsOnOffer() {
		web.get()
			.uri("/api/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.accept(MediaType.valueOf("text/csv"))
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/not-acceptable")
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("application/json"));
	}

	@Test
	void aPathVariableOrQueryParameterOutOfBoundsIsNamedInTheProblemsErrors() {
		web.get()
			.uri("/api/things/{name}?size=1000000", "x".repeat(11))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.RESELLER_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/invalid-request")
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.exists()
			.jsonPath("$.errors[?(@.field == 'size')].message")
			.exists();
	}

	@Test
	void readinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess() {
		ProbeAssertions.assertReadinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess(web);
	}

	@Test
	void aRecordThatKeepsFailingIsRetriedInPlaceThenDeadLettered() {
		String orderId = "retry-" + java.util.UUID.randomUUID();
		double before = deadLetters(Topics.ORDERS);

		send(orderId);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(TopicRecorder.get().deadLetters(Topics.ORDERS))
				.anySatisfy((record) -> assertThat(record.key()).isEqualTo(orderId)));
		assertThat(listener.attempts(orderId)).as("retried before giving up").isGreaterThan(1);
		assertThat(deadLetters(Topics.ORDERS)).isEqualTo(before + 1);
	}

	@Test
	void aFailedRecordIsRetriedFromTheRecordsTheConsumerHoldsNotFetchedAgain() {
		String orderId = "retry-" + java.util.UUID.randomUUID();
		double fetchedBefore = recordsFetched();

		send(orderId);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(TopicRecorder.get().deadLetters(Topics.ORDERS))
				.anySatisfy((record) -> assertThat(record.key()).isEqualTo(orderId)));
		// a retry that went back to the broker waited there for the fetch already out,
		// held for the idle fetch wait, whatever the back-off said
		assertThat(listener.attempts(orderId)).isGreaterThan(2);
		assertThat(recordsFetched() - fetchedBefore).as("times the record came from the broker")
			.isLessThan(listener.attempts(orderId));
	}

	@Test
	void aRecordThatFailsInAPollIsRetriedAloneThenDeadLetteredAndTheRestOfThePollAppliedOnce() {
		String failing = "poll-retry-" + java.util.UUID.randomUUID();
		String before = "poll-before-" + java.util.UUID.randomUUID();
		String after = "poll-after-" + java.util.UUID.randomUUID();

		// one key, so one partition, in this order
		send(failing, before);
		send(failing, failing);
		send(failing, after);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(TopicRecorder.get().deadLetters(Topics.ORDERS))
				.anySatisfy((record) -> assertThat(record.key()).isEqualTo(failing)));
		await().atMost(WAIT).until(() -> pollingListener.attempts(after) > 0);
		assertThat(pollingListener.attempts(failing)).as("retried before giving up").isGreaterThan(1);
		// a failure not pinned to its record would replay the whole poll on every retry
		assertThat(pollingListener.attempts(before)).as("the record before it, committed").isEqualTo(1);
		assertThat(pollingListener.attempts(after)).as("the record after it, once the failing one is gone")
			.isEqualTo(1);
	}

	@Test
	void aFailureNamedNotRetryableGoesToTheDeadLetterTopicAtOnce() {
		String orderId = "final-" + java.util.UUID.randomUUID();

		send(orderId);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(TopicRecorder.get().deadLetters(Topics.ORDERS))
				.anySatisfy((record) -> assertThat(record.key()).isEqualTo(orderId)));
		assertThat(listener.attempts(orderId)).isEqualTo(1);
	}

	@Test
	void aRecordThatFailsWhileTheDatabaseIsAwayIsRetriedUntilItHealsAndNeverDeadLettered() {
		String orderId = "outage-" + java.util.UUID.randomUUID();
		double deadLettersBefore = deadLetters(Topics.ORDERS);
		double transientBefore = transientFailures(Topics.ORDERS);

		send(orderId);

		// far more tries than the 400 ms a failing record gets before its dead-letter
		// topic
		await().atMost(WAIT).until(() -> listener.attempts(orderId) >= 12);
		assertThat(TopicRecorder.get().deadLetters(Topics.ORDERS))
			.noneSatisfy((record) -> assertThat(record.key()).isEqualTo(orderId));
		listener.heal();

		await().atMost(WAIT).until(() -> listener.applied(orderId));
		assertThat(deadLetters(Topics.ORDERS)).isEqualTo(deadLettersBefore);
		assertThat(transientFailures(Topics.ORDERS)).isGreaterThanOrEqualTo(transientBefore + 12);
	}

	@Test
	void deadLettersAreCountedOnlyForTheTopicsTheServiceReads() {
		assertThat(meters.find("rvssl.kafka.dead.letters").tag("topic", Topics.deadLetterOf(Topics.ORDERS)).counter())
			.isNotNull();
		assertThat(meters.find("rvssl.kafka.dead.letters").tag("topic", Topics.deadLetterOf(Topics.ACCOUNTS)).counter())
			.as("this service reads no account events")
			.isNull();
	}

	@Test
	void theReactorNettyWorkaroundIsOnForTheWholeJvm() {
		assertThat(System.getProperty("reactor.netty.http.server.lastFlushWhenNoRead")).isEqualTo("true");
	}

	private void send(String orderId) {
		send(orderId, orderId);
	}

	private void send(String key, String orderId) {
		kafka.send(Topics.ORDERS, key,
				EventEnvelope.of(orderId, "reseller-one", "kit-test", new OrderCancelled("test", true)));
	}

	private double transientFailures(String topic) {
		return meters.get("rvssl.kafka.transient.failures").tag("topic", topic).counter().count();
	}

	/** Records the record listener's consumers have taken from the broker so far. */
	private double recordsFetched() {
		return listeners.getListenerContainers()
			.stream()
			.filter((container) -> "kit-tests".equals(container.getGroupId()))
			.flatMap((container) -> container.metrics().values().stream())
			.flatMap((metrics) -> metrics.entrySet().stream())
			.filter((metric) -> metric.getKey().name().equals("records-consumed-total")
					&& !metric.getKey().tags().containsKey("topic"))
			.mapToDouble((metric) -> ((Number) metric.getValue().metricValue()).doubleValue())
			.sum();
	}

	private double deadLetters(String topic) {
		return meters.get("rvssl.kafka.dead.letters").tag("topic", Topics.deadLetterOf(topic)).counter().count();
	}

	@Test
	void theMovableClockMovesForwardOnTheServiceKeyOnlyAndRefusesToRunBack() {
		web.post()
			.uri("/internal/clock/advance")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"by\": \"P1D\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		Instant before = clock.instant();

		web.post()
			.uri("/internal/clock/advance")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.SERVICE_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"by\": \"P133D\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.now")
			.value(String.class,
					(now) -> assertThat(Instant.parse(now)).isAfterOrEqualTo(before.plus(Duration.ofDays(133))));
		assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(133)));
		// announced, so periodic work runs at once (RepeatingWork)
		assertThat(KitTestApplication.CLOCK_MOVES).extracting(ClockAdvanced::by).containsExactly(Duration.ofDays(133));

		Duration offset = ((MovableClock) clock).offset();
		for (String refused : new String[] { "{\"by\": \"-P1D\"}", "{\"by\": \"tomorrow\"}", "{}" }) {
			web.post()
				.uri("/internal/clock/advance")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + KitTestApplication.SERVICE_KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(refused)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://rvssl.example/problems/invalid-clock-advance");
		}
		assertThat(((MovableClock) clock).offset()).isEqualTo(offset);
	}

}
