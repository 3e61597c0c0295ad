package com.rvssl.statussync;

import java.time.Duration;
import java.time.Instant;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.statussync.tracking.TrackingState;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.statussync.tracking.TrackedOrder;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CAs' pushes, posted over real HTTP exactly as the sandbox CA sends them (DigiCert:
 * JSON with the webhook's secret in {@code X-WEBHOOK-KEY}; Sectigo: a form with the token
 * in the URL), against a real broker, a MongoDB wire server and a stand-in gateway.
 * Sectigo keeps its default minimum of three hours between polls here, so any Sectigo
 * check within the test is a push's doing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.sync.poll-interval=PT0.1S", "rvssl.sync.min-interval.digicert=PT1S",
				"rvssl.outbox.sweep-interval=PT1H", "spring.kafka.consumer.group-id=status-sync-push-it",
				"rvssl.sync.push.digicert-secret=" + CaPushIntegrationTests.DIGICERT_SECRET,
				"rvssl.sync.push.sectigo-token=" + CaPushIntegrationTests.SECTIGO_TOKEN })
@AutoConfigureWebTestClient
class CaPushIntegrationTests extends ServiceIntegrationTest {

	static final String DIGICERT_SECRET = "test-digicert-webhook-secret";

	static final String SECTIGO_TOKEN = "test-sectigo-push-token";

	static final GatewayStandIn gateway = GatewayStandIn.start();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		register(registry, "status-sync-push", gateway);
	}

	@AfterAll
	static void stopGateway() {
		gateway.stop();
	}

	@Test
	void aDigicertWebhookCarryingItsKeyGetsAnOrderWaitingForHoursCheckedAtOnce() {
		String orderId = newOrderId();
		String caOrderId = newCaOrderNumber();
		gateway.script(orderId, GatewayStandIn.pending("pending", "waiting for admin@example.com"),
				GatewayStandIn.issued());
		send(submitted(orderId, CertificateAuthority.DIGICERT, caOrderId));
		await().atMost(PATIENCE).until(() -> gateway.statusCalls(orderId) == 1);
		postponeByHours(orderId, 3);

		digicertWebhook(DIGICERT_SECRET, caOrderId).expectStatus().isAccepted();

		await().atMost(Duration.ofSeconds(10)).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		// the webhook said certificate_issued: the certificate was asked for at once, no
		// status read before it
		assertThat(gateway.statusCalls(orderId)).isEqualTo(1);
		assertThat(gateway.certificateCalls(orderId)).isEqualTo(1);
	}

	/**
	 * A push's word is not the CA's: a push saying "issued" for an order the CA has no
	 * certificate for yet costs one download refused, then the status is read as usual.
	 */
	@Test
	void aPushSayingIssuedForAnOrderWithoutACertificateYetFallsBackToTheStatus() {
		String orderId = newOrderId();
		String caOrderId = newCaOrderNumber();
		gateway.script(orderId, GatewayStandIn.pending("pending", "waiting for admin@example.com"),
				GatewayStandIn.pending("pending", "still waiting for admin@example.com"), GatewayStandIn.issued());
		send(submitted(orderId, CertificateAuthority.DIGICERT, caOrderId));
		await().atMost(PATIENCE).until(() -> gateway.statusCalls(orderId) == 1);
		postponeByHours(orderId, 3);

		digicertWebhook(DIGICERT_SECRET, caOrderId).expectStatus().isAccepted();

		await().atMost(Duration.ofSeconds(10)).until(() -> gateway.statusCalls(orderId) == 2);
		assertThat(gateway.certificateCalls(orderId)).isEqualTo(1);
		await().atMost(PATIENCE).until(() -> tracked(orderId).leaseId() == null);
		assertThat(published.of(orderId, CertificateIssued.class)).isEmpty();
		assertThat(tracked(orderId).state()).isEqualTo(TrackingState.OUTSTANDING);
		assertThat(tracked(orderId).pushSaysIssued()).as("the push's word, used once").isFalse();
	}

	@Test
	void sectigoOrdersArePolledNoSoonerThanEveryThreeHoursButAPushWithItsTokenChecksAtOnce() {
		String orderId = newOrderId();
		String caOrderId = newCaOrderNumber();
		gateway.script(orderId, GatewayStandIn.pending("pending", "waiting for the DNS record"),
				GatewayStandIn.issued());
		Instant submittedAround = Instant.now();
		send(submitted(orderId, CertificateAuthority.SECTIGO, caOrderId));
		await().atMost(PATIENCE).until(() -> tracked(orderId) != null);
		assertThat(nextCheckOf(orderId)).isAfter(submittedAround.plus(Duration.ofHours(3)).minusSeconds(5));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> gateway.statusCalls(orderId) == 0);

		sectigoPush(SECTIGO_TOKEN, caOrderId, 2).expectStatus().isAccepted();

		await().atMost(Duration.ofSeconds(10)).until(() -> gateway.statusCalls(orderId) == 1);
		// polling after a push-triggered check keeps the vendor's minimum again
		await().atMost(PATIENCE).until(() -> tracked(orderId).leaseId() == null);
		assertThat(nextCheckOf(orderId)).isAfter(Instant.now().plus(Duration.ofHours(3)).minusSeconds(30));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> gateway.statusCalls(orderId) == 1);

		sectigoPush(SECTIGO_TOKEN, caOrderId, 6).expectStatus().isAccepted();

		await().atMost(Duration.ofSeconds(10)).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		// status code 6 (issued): the certificate at once, no status read before it
		assertThat(gateway.statusCalls(orderId)).isEqualTo(1);
		assertThat(gateway.certificateCalls(orderId)).isEqualTo(1);
	}

	/**
	 * A CA that issues at once pushes before the gateway's CertificateSubmitted reaches
	 * status sync: the push is kept, and the order is checked as soon as it is tracked,
	 * not three hours later.
	 */
	@Test
	void aSectigoPushThatOutrunsTheSubmissionGetsTheOrderCheckedAsSoonAsItIsTracked() {
		String orderId = newOrderId();
		String caOrderId = newCaOrderNumber();
		gateway.script(orderId, GatewayStandIn.issued());

		sectigoPush(SECTIGO_TOKEN, caOrderId, 6).expectStatus().isAccepted();
		send(submitted(orderId, CertificateAuthority.SECTIGO, caOrderId));

		await().atMost(Duration.ofSeconds(15)).until(() -> published.of(orderId, CertificateIssued.class).size() == 1);
		assertThat(gateway.statusCalls(orderId)).isZero();
		assertThat(gateway.certificateCalls(orderId)).isEqualTo(1);
		assertThat(mongo.findById("SECTIGO:" + caOrderId, org.bson.Document.class, "early_pushes")
			.blockOptional(Duration.ofSeconds(5))).as("the early push, used once").isEmpty();
	}

	@Test
	void forgedPushesAreRefusedWithAProblemAndChangeNothing() {
		String digicertOrder = newOrderId();
		String digicertCaOrder = newCaOrderNumber();
		String sectigoOrder = newOrderId();
		String sectigoCaOrder = newCaOrderNumber();
		gateway.script(digicertOrder, GatewayStandIn.issued());
		gateway.script(sectigoOrder, GatewayStandIn.issued());
		send(submitted(sectigoOrder, CertificateAuthority.SECTIGO, sectigoCaOrder));
		// the DigiCert order not checked yet and not due for hours
		send(submitted(digicertOrder, CertificateAuthority.DIGICERT, digicertCaOrder));
		await().atMost(PATIENCE).until(() -> tracked(sectigoOrder) != null && tracked(digicertOrder) != null);
		postponeByHours(digicertOrder, 3);
		Instant digicertDue = nextCheckOf(digicertOrder);
		Instant sectigoDue = nextCheckOf(sectigoOrder);

		refused(digicertWebhook(null, digicertCaOrder));
		refused(digicertWebhook("not-the-secret", digicertCaOrder));
		refused(digicertWebhook(DIGICERT_SECRET + "x", digicertCaOrder));
		refused(sectigoPush(null, sectigoCaOrder, 6));
		refused(sectigoPush("not-the-token", sectigoCaOrder, 6));
		// a DigiCert key is no Sectigo token, nor the other way round
		refused(sectigoPush(DIGICERT_SECRET, sectigoCaOrder, 6));
		refused(digicertWebhook(SECTIGO_TOKEN, digicertCaOrder));

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> gateway.statusCalls(digicertOrder) + gateway.statusCalls(sectigoOrder) == 0);
		assertThat(nextCheckOf(digicertOrder)).isEqualTo(digicertDue);
		assertThat(nextCheckOf(sectigoOrder)).isEqualTo(sectigoDue);
		assertThat(rawDocument(digicertOrder)).doesNotContainKey("pushedAt");
		assertThat(rawDocument(sectigoOrder)).doesNotContainKey("pushedAt");
	}

	@Test
	void pushesDuringARunningCheckNeverStartASecondOneAlongsideButGetOneMoreCheckAfterIt() {
		String orderId = newOrderId();
		String caOrderId = newCaOrderNumber();
		gateway.script(orderId, GatewayStandIn.pending("pending", "waiting"));
		gateway.slow(orderId, Duration.ofSeconds(2));
		send(submitted(orderId, CertificateAuthority.SECTIGO, caOrderId));
		await().atMost(PATIENCE).until(() -> tracked(orderId) != null);

		sectigoPush(SECTIGO_TOKEN, caOrderId, 2).expectStatus().isAccepted();
		await().atMost(Duration.ofSeconds(10)).until(() -> gateway.statusCalls(orderId) == 1);
		for (int i = 0; i < 3; i++) {
			sectigoPush(SECTIGO_TOKEN, caOrderId, 2).expectStatus().isAccepted();
		}

		await().atMost(PATIENCE).until(() -> gateway.statusCalls(orderId) == 2);
		await().during(Duration.ofSeconds(4))
			.atMost(Duration.ofSeconds(6))
			.until(() -> gateway.statusCalls(orderId) == 2);
		assertThat(gateway.mostConcurrentStatusCalls(orderId)).isEqualTo(1);
	}

	/**
	 * One slow CA answer holds back nobody: while a check waits on it, a push for another
	 * order gets that order checked and its certificate published at once, since claims
	 * never wait for the checks in flight.
	 */
	@Test
	void aPushIsCheckedAtOnceWhileAnotherOrdersCheckWaitsOnASlowAnswer() {
		String slowOrder = newOrderId();
		String slowCaOrder = newCaOrderNumber();
		gateway.script(slowOrder, GatewayStandIn.pending("pending", "waiting"));
		// under the gateway client's 10-s response time-out: an answer, only late
		gateway.slow(slowOrder, Duration.ofSeconds(8));
		String pushedOrder = newOrderId();
		String pushedCaOrder = newCaOrderNumber();
		gateway.script(pushedOrder, GatewayStandIn.issued());
		send(submitted(slowOrder, CertificateAuthority.SECTIGO, slowCaOrder));
		send(submitted(pushedOrder, CertificateAuthority.SECTIGO, pushedCaOrder));
		await().atMost(PATIENCE).until(() -> tracked(slowOrder) != null && tracked(pushedOrder) != null);

		sectigoPush(SECTIGO_TOKEN, slowCaOrder, 2).expectStatus().isAccepted();
		await().atMost(PATIENCE).until(() -> gateway.statusCalls(slowOrder) == 1);
		sectigoPush(SECTIGO_TOKEN, pushedCaOrder, 6).expectStatus().isAccepted();

		await().atMost(PATIENCE).until(() -> published.of(pushedOrder, CertificateIssued.class).size() == 1);
		assertThat(tracked(slowOrder).leaseId()).as("the slow order's check, still waiting for its answer").isNotNull();
		await().atMost(PATIENCE).until(() -> tracked(slowOrder).leaseId() == null);
		assertThat(tracked(slowOrder).checks()).isEqualTo(1);
	}

	@Test
	void aPushForAnOrderThatIsNotOursIsAcceptedAndIgnored() {
		digicertWebhook(DIGICERT_SECRET, newCaOrderNumber()).expectStatus().isAccepted();
		sectigoPush(SECTIGO_TOKEN, newCaOrderNumber(), 6).expectStatus().isAccepted();
	}

	@Test
	void anAuthenticatedPushWithoutAnOrderNumberIsABadRequest() {
		http.post()
			.uri("/ca-push/digicert")
			.header("X-WEBHOOK-KEY", DIGICERT_SECRET)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"event\": \"certificate_issued\", \"data\": {}}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		http.post()
			.uri("/ca-push/sectigo?token={token}", SECTIGO_TOKEN)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("statusCode=6")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * As WIRE.md §2 has it: JSON, the secret in X-WEBHOOK-KEY, the CA order id as a
	 * number.
	 */
	private WebTestClient.ResponseSpec digicertWebhook(String key, String caOrderId) {
		String body = """
				{"event": "certificate_issued", "data": {"order_id": %s, "certificate_id": 778899, "status": "issued"}}"""
			.formatted(caOrderId);
		WebTestClient.RequestBodySpec request = http.post()
			.uri("/ca-push/digicert")
			.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request = request.header("X-WEBHOOK-KEY", key);
		}
		return request.bodyValue(body).exchange();
	}

	/**
	 * As WIRE.md §2 has it: a form with orderNumber and statusCode, the token in the URL.
	 */
	private WebTestClient.ResponseSpec sectigoPush(String token, String caOrderId, int statusCode) {
		String uri = (token != null) ? "/ca-push/sectigo?token=" + token : "/ca-push/sectigo";
		return http.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("orderNumber=" + caOrderId + "&statusCode=" + statusCode)
			.exchange();
	}

	private static void refused(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	private Document rawDocument(String orderId) {
		return mongo.findById(orderId, Document.class, TrackedOrder.COLLECTION).block(Duration.ofSeconds(5));
	}

	/** CA order numbers are numeric at both CAs. */
	private static String newCaOrderNumber() {
		return Long.toString(1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
	}

}
