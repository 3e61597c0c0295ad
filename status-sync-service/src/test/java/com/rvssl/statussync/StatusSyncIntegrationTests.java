package com.rvssl.statussync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateRenewalDue;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Validation;
import com.rvssl.kit.test.PathBypassAssertions;
import com.rvssl.kit.test.ProbeAssertions;
import com.rvssl.kit.test.TestKeys;
import com.rvssl.statussync.scheduling.StatusPoller;
import com.rvssl.statussync.tracking.ReissuePoint;
import com.rvssl.statussync.tracking.TrackedOrder;
import com.rvssl.statussync.tracking.TrackingState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Status sync against a real broker, a real MongoDB wire server and a stand-in ca-gateway
 * over a real socket. DigiCert orders are checked at most once a second here, Sectigo
 * ones once an hour. The service's clock is a {@link TestClock}: the system clock, except
 * while a test stops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.sync.poll-interval=PT0.1S", "rvssl.sync.min-interval.digicert=PT1S",
				"rvssl.sync.min-interval.sectigo=PT1H", "rvssl.sync.error-backoff=PT0.2S",
				"rvssl.outbox.sweep-interval=PT1H", "rvssl.sync.expiry-sweep-interval=PT0.5S",
				"spring.kafka.consumer.group-id=status-sync-it" })
@AutoConfigureWebTestClient
class StatusSyncIntegrationTests extends ServiceIntegrationTest {

	private static final Duration DIGICERT_MINIMUM = Duration.ofSeconds(1);

	private static final Duration SECTIGO_MINIMUM = Duration.ofHours(1);

	static final GatewayStandIn gateway = GatewayStandIn.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		register(registry, "status-sync-integration", gateway);
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop();
	}

	@Autowired
	TestClock clock;

	@Autowired
	StatusPoller poller;

	@Test
	void followsASubmittedOrderThroughValidationUpdatesToItsIssuedCertificate() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.pending("pending", "waiting for admin@example.com to approve"),
				GatewayStandIn.pending("pending", "approved, checking the DNS record"), GatewayStandIn.issued());

		send(submitted(orderId, CertificateAuthority.DIGICERT));

		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		CertificateIssued issued = published.of(orderId, CertificateIssued.class).get(0);
		assertThat(issued.pemChain()).isEqualTo(gateway.pemChainOf(orderId));
		assertThat(issued.caOrderId()).isEqualTo("ca-" + orderId);
		assertThat(issued.issuer()).isEqualTo("CN=RVssl Sandbox Intermediate");
		assertThat(published.of(orderId, CertificateValidationUpdated.class))
			.extracting(CertificateValidationUpdated::detail)
			.containsExactly("waiting for admin@example.com to approve", "approved, checking the DNS record");

		http.get()
			.uri("/internal/v1/tracked/{orderId}", orderId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("DONE")
			.jsonPath("$.pendingEvents")
			.isEqualTo(0);

		int callsWhenDone = gateway.statusCalls(orderId);
		assertThat(callsWhenDone).isEqualTo(3);
		await().during(Duration.ofMillis(2500))
			.atMost(Duration.ofSeconds(4))
			.until(() -> gateway.statusCalls(orderId) == callsWhenDone);
	}

	@Test
	void asksTheGatewayWithTheServiceKeyAndItsOwnInternalApiAnswersNothingWithoutOne() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.issued());
		send(submitted(orderId, CertificateAuthority.DIGICERT));
		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		assertThat(gateway.callsWithoutServiceKey()).as("gateway calls without the service key").isZero();

		for (String path : List.of("/internal/v1/tracked/" + orderId, "/internal/v1/tracked/" + orderId + "/schedule",
				"/internal/v1/expiring?withinDays=400")) {
			PathBypassAssertions.assertFirewallRejected(
					PathBypassAssertions.assertEveryShapeRefused(anyone, HttpMethod.GET, path, null, null));
			PathBypassAssertions.assertEveryShapeRefused(anyone, HttpMethod.GET, path, "rk_live_some-reseller", null);
		}
		anyone.get()
			.uri("/internal/v1/tracked/{orderId}", orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isOk();
		http.get().uri("/internal/v1/tracked/{orderId}", orderId).exchange().expectStatus().isOk();
	}

	@Test
	void aPathListedNowhereNeedsAKeyWhileTheProbesAndThePushReceiversAreOpen() {
		anyone.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
		anyone.get().uri("/no/such/page").exchange().expectStatus().isUnauthorized();
		anyone.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		// the push receiver is reached without an API key and checks its own secret (none
		// is set here)
		anyone.post()
			.uri("/ca-push/digicert")
			.header("X-WEBHOOK-KEY", "not-the-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://rvssl.example/problems/push-not-authenticated");
		assertThat(PathBypassAssertions.send(anyone, HttpMethod.POST, "/ca-push;x/digicert", null, "{}")
			.getStatus()
			.value()).isEqualTo(400);
		// the service key opens nothing outside /internal/**
		http.get().uri("/actuator/info").exchange().expectStatus().isForbidden();
	}

	@Test
	void publishesTheRejectionWhenTheCaRefuses() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.rejected("domain on a blocklist"));

		send(submitted(orderId, CertificateAuthority.DIGICERT));

		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateRejected.class).size() == 1);
		assertThat(published.of(orderId, CertificateRejected.class).get(0).reason()).isEqualTo("domain on a blocklist");
		assertThat(published.of(orderId, CertificateIssued.class)).isEmpty();
		assertThat(tracked(orderId).state()).isEqualTo(TrackingState.DONE);
	}

	@Test
	void tracksAnOrderOnceAndIssuesOnceWhenItsSubmissionIsRedelivered() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.pending("pending", "waiting"), GatewayStandIn.issued());
		EventEnvelope submission = submitted(orderId, CertificateAuthority.DIGICERT);

		send(submission);
		send(submission);
		send(submission);

		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		List<String> done = http.get()
			.uri("/internal/v1/tracked?state=DONE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(TrackedView.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map(TrackedView::orderId)
			.filter(orderId::equals)
			.toList();
		assertThat(done).hasSize(1);
		assertThat(gateway.statusCalls(orderId)).isEqualTo(2);
	}

	@Test
	void keepsAskingWhileTheGatewayIsUnavailableAndStillIssuesLater() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.unavailable(), GatewayStandIn.unavailable(),
				GatewayStandIn.unavailable(), GatewayStandIn.issued());

		send(submitted(orderId, CertificateAuthority.DIGICERT));

		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		assertThat(gateway.statusCalls(orderId)).isEqualTo(4);
		TrackedOrder order = tracked(orderId);
		assertThat(order.state()).isEqualTo(TrackingState.DONE);
		assertThat(order.checks()).isEqualTo(4);
	}

	/**
	 * A read the CA's budget cannot serve now is no failure: the order is asked again
	 * after the gateway's Retry-After (1 s here), not after a backoff that grows with
	 * each refusal.
	 */
	@Test
	void aReadRefusedForLackOfCaBudgetIsAskedAgainAfterItsRetryAfterWithoutCountingAFailure() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.overBudget(), GatewayStandIn.overBudget(), GatewayStandIn.overBudget(),
				GatewayStandIn.overBudget(), GatewayStandIn.overBudget(), GatewayStandIn.issued());

		send(submitted(orderId, CertificateAuthority.DIGICERT));

		await().atMost(PATIENCE).until(() -> gateway.statusCalls(orderId) == 1);
		Instant firstRefused = Instant.now();
		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		// five refusals, each followed by a wait of one to two seconds; the error
		// backoff (0.2 s doubling here) would be shorter at first, then longer, and
		// counted
		assertThat(Duration.between(firstRefused, Instant.now())).isLessThan(Duration.ofSeconds(15));
		assertThat(gateway.statusCalls(orderId)).isEqualTo(6);
		// the refused reads reached no CA: only the answered one counts as a check, and
		// none as a gateway failure
		assertThat(tracked(orderId).checks()).isEqualTo(1);
		assertThat(scraped(
				line -> line.startsWith("rvssl_sync_checks_total{") && line.contains("outcome=\"over_budget\"")))
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void stopsCheckingAnOrderOnlyOnceTheGatewayConfirmsItsCancellation() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.pending("pending", "waiting"));
		send(submitted(orderId, CertificateAuthority.DIGICERT));
		await().atMost(PATIENCE).until(() -> gateway.statusCalls(orderId) >= 1);

		// the reseller's request alone: the CA may refuse it, so the order is followed on
		send(EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId, OrderCancelled.requested("customer asked")));
		int callsAtRequest = gateway.statusCalls(orderId);
		await().atMost(PATIENCE).until(() -> gateway.statusCalls(orderId) > callsAtRequest + 1);
		assertThat(tracked(orderId).state()).isNotEqualTo(TrackingState.STOPPED);

		send(EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId,
				new CertificateCancelled("Cancelled at the CA", true, "DC-1")));

		await().atMost(PATIENCE).until(() -> tracked(orderId).state() == TrackingState.STOPPED);
		int callsWhenStopped = gateway.statusCalls(orderId);
		// a check already under way when the cancellation landed may still reach the
		// gateway, no more
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(4))
			.until(() -> gateway.statusCalls(orderId) <= callsWhenStopped + 1);
		assertThat(published.of(orderId, CertificateValidationUpdated.class)).hasSize(1);
	}

	/**
	 * Time stands still here, so the schedule is held to the millisecond however fast the
	 * machine is: a whole poll round a millisecond before a check is due asks nothing, a
	 * round at that time asks once, and each answer puts the next check exactly the CA's
	 * minimum later.
	 */
	@Test
	void honoursEachCertificateAuthoritysMinimumIntervalBetweenChecks() {
		String digicertOrder = newOrderId();
		String sectigoOrder = newOrderId();
		gateway.script(digicertOrder, GatewayStandIn.pending("pending", "waiting"));
		gateway.script(sectigoOrder, GatewayStandIn.pending("pending", "waiting"));
		Instant submittedAt = clock.stop();
		try {
			send(submitted(digicertOrder, CertificateAuthority.DIGICERT));
			send(submitted(sectigoOrder, CertificateAuthority.SECTIGO));
			await().atMost(PATIENCE).until(() -> tracked(digicertOrder) != null && tracked(sectigoOrder) != null);
			assertThat(nextCheckOf(digicertOrder)).isEqualTo(submittedAt.plus(DIGICERT_MINIMUM));
			assertThat(nextCheckOf(sectigoOrder)).isEqualTo(submittedAt.plus(SECTIGO_MINIMUM));

			Instant due = submittedAt;
			for (int check = 1; check <= 3; check++) {
				due = due.plus(DIGICERT_MINIMUM);
				clock.set(due.minusMillis(1));
				poller.pollOnce().block(PATIENCE);
				assertThat(gateway.statusCalls(digicertOrder)).as("calls a millisecond before check %d is due", check)
					.isEqualTo(check - 1);

				// the background poll takes it now; the check and its answer are written
				// in one update
				clock.set(due);
				int checks = check;
				await().atMost(PATIENCE).until(() -> tracked(digicertOrder).checks() >= checks);
				assertThat(gateway.statusCalls(digicertOrder)).as("calls once check %d is due", check).isEqualTo(check);
				assertThat(nextCheckOf(digicertOrder)).as("next check after answer %d", check)
					.isEqualTo(due.plus(DIGICERT_MINIMUM));
			}
			assertThat(gateway.statusCalls(sectigoOrder)).isZero();
			assertThat(nextCheckOf(sectigoOrder)).isEqualTo(submittedAt.plus(SECTIGO_MINIMUM));
		}
		finally {
			clock.resume();
		}
	}

	@Test
	void answersAnUnknownOrderWithAProblem() {
		http.get()
			.uri("/internal/v1/tracked/{orderId}", "no-such-order")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void keepsTheExpiryOfAnIssuedCertificateAndListsItAmongThoseExpiringSoon() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.issued());

		send(submitted(orderId, CertificateAuthority.DIGICERT));

		await().atMost(PATIENCE).until(() -> stateOf(orderId) == TrackingState.DONE);
		assertThat(tracked(orderId).notAfter()).isEqualTo(java.time.Instant.parse("2027-11-25T10:00:00Z"));
		long daysLeft = Duration.between(java.time.Instant.now(), java.time.Instant.parse("2027-11-25T10:00:00Z"))
			.toDays();
		http.get()
			.uri("/internal/v1/expiring?withinDays={days}", daysLeft + 2)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.orderId == '%s')].notAfter".formatted(orderId))
			.isEqualTo("2027-11-25T10:00:00Z");
		http.get()
			.uri("/internal/v1/expiring?withinDays={days}", Math.max(daysLeft - 2, 0))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.orderId == '%s')]".formatted(orderId))
			.doesNotExist();
	}

	@Test
	void aDcvResendMakesAnOrderWaitingForHoursDueAgainWithinTheCasMinimum() {
		anOrderWaitingForHoursIsCheckedSoonAfter(new DcvResendRequested("admin@example.com"));
	}

	@Test
	void aDcvMethodChangeMakesAnOrderWaitingForHoursDueAgainWithinTheCasMinimum() {
		anOrderWaitingForHoursIsCheckedSoonAfter(new DcvChangeRequested(new Dcv(DcvMethod.DNS, null)));
	}

	private void anOrderWaitingForHoursIsCheckedSoonAfter(OrderEvent customerAction) {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.pending("pending", "waiting for admin@example.com"));
		send(submitted(orderId, CertificateAuthority.DIGICERT));
		await().atMost(PATIENCE).until(() -> gateway.statusCalls(orderId) >= 1);
		postponeByHours(orderId, 3);
		int callsBefore = gateway.statusCalls(orderId);

		send(EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId, customerAction));

		await().atMost(Duration.ofSeconds(10)).until(() -> gateway.statusCalls(orderId) > callsBefore);
	}

	@Test
	void readinessReportsKafkaAndMongoWhileLivenessChecksOnlyTheProcess() {
		ProbeAssertions.assertReadinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess(http);
	}

	@Test
	void exposesHowLateTheOldestDueCheckIs() {
		http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("rvssl_sync_backlog_seconds").contains("rvssl_sync_expiring"));
	}

	@Test
	void aCertificateIssuedWithFiveDaysLeftGetsTheSevenDayReminderOnceAndLaterTheOneDayReminder() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.issued());
		java.time.Instant notAfter = java.time.Instant.now()
			.plus(Duration.ofDays(5))
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		// the last certificate of a twelve-month plan
		gateway.serves(orderId, "0a1b01", notAfter.atZone(java.time.ZoneOffset.UTC).minusMonths(12).toInstant(),
				notAfter);
		send(placed(orderId, "shop.example.com"));

		send(submitted(orderId, CertificateAuthority.DIGICERT));

		await().atMost(PATIENCE).until(() -> published.of(orderId, RenewalDue.class).size() == 1);
		assertThat(published.of(orderId, RenewalDue.class).get(0))
			.isEqualTo(new RenewalDue(7, notAfter, "shop.example.com"));
		// sweeps go on every half second: no second 7-day reminder, and no late 30-day
		// one
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> published.of(orderId, RenewalDue.class).size() == 1);

		// a day before expiry (as if four days had passed)
		java.time.Instant oneDayLeft = java.time.Instant.now()
			.plus(Duration.ofHours(20))
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		mongo
			.updateFirst(Query.query(Criteria.where("_id").is(orderId)), new Update().set("notAfter", oneDayLeft),
					TrackedOrder.class)
			.block(Duration.ofSeconds(5));

		await().atMost(PATIENCE).until(() -> published.of(orderId, RenewalDue.class).size() == 2);
		assertThat(published.of(orderId, RenewalDue.class).get(1))
			.isEqualTo(new RenewalDue(1, oneDayLeft, "shop.example.com"));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> published.of(orderId, RenewalDue.class).size() == 2);
		assertThat(mongo.findById(orderId, org.bson.Document.class, TrackedOrder.COLLECTION)
			.block(Duration.ofSeconds(5))
			.getList("remindersSent", Integer.class)).containsExactlyInAnyOrder(1, 7, 30);
	}

	@Test
	void aCertificateWithMonthsLeftGetsNoReminderYet() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.issued());
		gateway.expiresAt(orderId, java.time.Instant.now().plus(Duration.ofDays(45)));

		send(submitted(orderId, CertificateAuthority.DIGICERT));

		await().atMost(PATIENCE).until(() -> stateOf(orderId) == TrackingState.DONE);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> published.of(orderId, RenewalDue.class).isEmpty()
					&& published.of(orderId, CertificateRenewalDue.class).isEmpty());
	}

	/**
	 * A twelve-month plan of 199-day certificates, told with the service's clock: the
	 * first certificate is announced for renewal once, at its reissue point; it gets no
	 * reminder to buy again (the platform renews it within the plan); its reissue, capped
	 * at the plan's end, is the plan's last certificate: no announcement for it, and the
	 * reminders to buy again are its alone.
	 */
	@Test
	void aPlanThatGoesOnAnnouncesEachCertificatesRenewalOnceAndRemindsToBuyAgainOnlyForItsLast() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.issued());
		Instant notBefore = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		Instant notAfter = notBefore.plus(Duration.ofDays(199));
		Instant planEnd = notBefore.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
		gateway.serves(orderId, "0c0001", notBefore, notAfter);
		send(placed(orderId, "plan.example.com"));
		send(submitted(orderId, CertificateAuthority.DIGICERT));

		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		Instant reissuePoint = new ReissuePoint(ReissuePoint.DEFAULT_FRACTION).of(notBefore, notAfter);
		await().atMost(PATIENCE).until(() -> tracked(orderId).reissueDueAt() != null);
		assertThat(tracked(orderId).planEnd()).isEqualTo(planEnd);
		assertThat(tracked(orderId).reissueDueAt()).isEqualTo(reissuePoint);
		// sweeps go on every half second: nothing before the reissue point
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> published.of(orderId, CertificateRenewalDue.class).isEmpty());

		clock.stop();
		try {
			Instant afterReissuePoint = reissuePoint.plus(Duration.ofMinutes(1));
			clock.set(afterReissuePoint);
			await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateRenewalDue.class).size() == 1);
			assertThat(published.of(orderId, CertificateRenewalDue.class))
				.containsExactly(new CertificateRenewalDue("0c0001", notAfter, planEnd));
			assertThat(tracked(orderId).reissueDueAt()).isNull();

			// no reissue came (yet): five days before expiry the certificate counts as
			// unrenewed, and the customer is not asked to buy again
			clock.set(notAfter.minus(Duration.ofDays(5)));
			await().atMost(PATIENCE).until(() -> gauge("rvssl_sync_expiring_unrenewed") >= 1);
			await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateExpiringUnrenewed.class).size() == 1);
			assertThat(published.of(orderId, CertificateExpiringUnrenewed.class))
				.containsExactly(new CertificateExpiringUnrenewed("0c0001", notAfter, planEnd, false));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> published.of(orderId, CertificateRenewalDue.class).size() == 1
						&& published.of(orderId, RenewalDue.class).isEmpty());

			// order-service asks for the reissue; the CA caps the new certificate at the
			// plan's end
			clock.set(afterReissuePoint);
			gateway.serves(orderId, "0c0002", afterReissuePoint, planEnd);
			send(EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId,
					new ReissueRequested("-----BEGIN CERTIFICATE REQUEST-----", true)));
			await().atMost(PATIENCE).until(() -> stateOf(orderId) == TrackingState.OUTSTANDING);
			clock.set(afterReissuePoint.plus(Duration.ofSeconds(5)));
			await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 2);
			await().atMost(PATIENCE).until(() -> stateOf(orderId) == TrackingState.DONE);
			assertThat(tracked(orderId).notAfter()).isEqualTo(planEnd);
			assertThat(tracked(orderId).planEnd()).isEqualTo(planEnd);
			assertThat(tracked(orderId).reissueDueAt()).isNull();

			// the plan's last certificate: announced for renewal never, reminded once
			clock.set(planEnd.minus(Duration.ofDays(5)));
			await().atMost(PATIENCE).until(() -> published.of(orderId, RenewalDue.class).size() == 1);
			assertThat(published.of(orderId, RenewalDue.class))
				.containsExactly(new RenewalDue(7, planEnd, "plan.example.com"));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> published.of(orderId, CertificateRenewalDue.class).size() == 1
						&& published.of(orderId, RenewalDue.class).size() == 1);
		}
		finally {
			clock.resume();
		}
	}

	/**
	 * A reissue the customer does not validate: the reseller's dashboard sees the renewal
	 * coming, then under way; two weeks before the current certificate expires it counts
	 * as expiring unrenewed, awaiting validation (the alert's series, by reseller), and
	 * the order is warned once, saying the reissue waits for validation; the new
	 * certificate clears it all.
	 */
	@Test
	void aReissueLeftUnvalidatedTwoWeeksBeforeExpiryIsCountedForItsResellerAndWarnedOnce() {
		String orderId = newOrderId();
		String reseller = "reseller-" + orderId;
		gateway.script(orderId, GatewayStandIn.issued());
		Instant notBefore = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		Instant notAfter = notBefore.plus(Duration.ofDays(199));
		Instant planEnd = notBefore.atZone(ZoneOffset.UTC).plusMonths(24).toInstant();
		gateway.serves(orderId, "0d0001", notBefore, notAfter);
		send(EventEnvelope.of(orderId, reseller, "corr-" + orderId,
				new OrderPlaced("digicert-dv", CertificateAuthority.DIGICERT, "ssl_dv_geotrust", Validation.DV, 24,
						List.of("risk.example.com"), null, null, new Customer("Ann", "ann@example.com"), null,
						Money.of(1000, "USD"), Money.of(2000, "USD"), "whmcs-1")));
		send(EventEnvelope.of(orderId, reseller, "corr-" + orderId,
				new CertificateSubmitted(CertificateAuthority.DIGICERT, "ca-" + orderId)));
		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		await().atMost(PATIENCE).until(() -> tracked(orderId).reissueDueAt() != null);
		Instant reissuePoint = tracked(orderId).reissueDueAt();
		String upcoming = "rvssl_sync_reissues_upcoming{resellerId=\"" + reseller + "\"}";
		String underway = "rvssl_sync_reissues_underway{resellerId=\"" + reseller + "\"}";
		String atRisk = "rvssl_sync_expiring_unrenewed{renewal=\"awaiting_validation\",resellerId=\"" + reseller
				+ "\"}";

		clock.stop();
		try {
			// ten days before the reissue point: coming up on the reseller's dashboard
			clock.set(reissuePoint.minus(Duration.ofDays(10)));
			await().atMost(PATIENCE).until(() -> series(upcoming) == 1);

			clock.set(reissuePoint.plus(Duration.ofMinutes(1)));
			await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateRenewalDue.class).size() == 1);
			await().atMost(PATIENCE).until(() -> series(upcoming) == -1);

			// the reissue goes back to email validation at the CA, and nobody approves
			gateway.script(orderId, GatewayStandIn.pending("pending", "waiting for admin@risk.example.com to approve"));
			send(EventEnvelope.of(orderId, reseller, "corr-" + orderId,
					new ReissueRequested("-----BEGIN CERTIFICATE REQUEST-----", true)));
			await().atMost(PATIENCE).until(() -> stateOf(orderId) == TrackingState.OUTSTANDING);
			await().atMost(PATIENCE).until(() -> series(underway) == 1);
			assertThat(published.of(orderId, CertificateExpiringUnrenewed.class)).isEmpty();

			clock.set(notAfter.minus(Duration.ofDays(13)));
			await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateExpiringUnrenewed.class).size() == 1);
			assertThat(published.of(orderId, CertificateExpiringUnrenewed.class))
				.containsExactly(new CertificateExpiringUnrenewed("0d0001", notAfter, planEnd, true));
			await().atMost(PATIENCE).until(() -> series(atRisk) == 1);
			// sweeps go on every half second: warned once
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> published.of(orderId, CertificateExpiringUnrenewed.class).size() == 1);

			// the customer validates at last: the new certificate ends the risk
			gateway.serves(orderId, "0d0002", notAfter.minus(Duration.ofDays(14)), notAfter.plus(Duration.ofDays(85)));
			gateway.script(orderId, GatewayStandIn.issued());
			clock.set(notAfter.minus(Duration.ofDays(12)));
			await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 2);
			await().atMost(PATIENCE).until(() -> series(atRisk) == -1 && series(underway) == -1);
			assertThat(mongo.findById(orderId, org.bson.Document.class, TrackedOrder.COLLECTION)
				.block(Duration.ofSeconds(5))
				.get("expiryWarned")).isNull();
		}
		finally {
			clock.resume();
		}
	}

	/**
	 * The service was down (or its clock jumped) past the plan's end before the reissue
	 * point was swept: nothing is left to renew, so no reissue is asked for and the
	 * certificate counts as the plan's last.
	 */
	@Test
	void aReissuePointFoundAfterThePlanEndedIsRetiredWithoutAskingForAReissue() {
		String orderId = newOrderId();
		gateway.script(orderId, GatewayStandIn.issued());
		Instant notBefore = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		gateway.serves(orderId, "0e0001", notBefore, notBefore.plus(Duration.ofDays(199)));
		send(placed(orderId, "late.example.com"));
		send(submitted(orderId, CertificateAuthority.DIGICERT));
		await().atMost(PATIENCE).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		await().atMost(PATIENCE).until(() -> tracked(orderId).reissueDueAt() != null);
		Instant planEnd = tracked(orderId).planEnd();

		clock.stop();
		try {
			clock.set(planEnd.plus(Duration.ofDays(1)));
			await().atMost(PATIENCE).until(() -> tracked(orderId).reissueDueAt() == null);
			assertThat(mongo.findById(orderId, org.bson.Document.class, TrackedOrder.COLLECTION)
				.block(Duration.ofSeconds(5))
				.getBoolean("planGoesOn")).isFalse();
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> published.of(orderId, CertificateRenewalDue.class).isEmpty());
		}
		finally {
			clock.resume();
		}
	}

	/** The value of one series, exactly as named with its labels; -1 when absent. */
	private double series(String nameWithLabels) {
		return scraped(line -> line.startsWith(nameWithLabels + " "));
	}

	private double gauge(String name) {
		return scraped(line -> line.startsWith(name + " ") || line.startsWith(name + "{"));
	}

	/** The value of the first scraped line that matches; -1 when none does. */
	private double scraped(java.util.function.Predicate<String> line) {
		String body = http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return body.lines()
			.filter(line)
			.mapToDouble(found -> Double.parseDouble(found.substring(found.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(-1);
	}

	private TrackingState stateOf(String orderId) {
		TrackedOrder order = tracked(orderId);
		return (order != null) ? order.state() : null;
	}

	private static EventEnvelope placed(String orderId, String domain) {
		return EventEnvelope.of(orderId, "reseller-1", "corr-" + orderId,
				new OrderPlaced("digicert-dv", CertificateAuthority.DIGICERT, "ssl_dv_geotrust", Validation.DV, 12,
						List.of(domain), null, null, new Customer("Ann", "ann@example.com"), null,
						Money.of(1000, "USD"), Money.of(2000, "USD"), "whmcs-1"));
	}

	record TrackedView(String orderId, String state) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StoppableTime {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
