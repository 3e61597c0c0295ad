package com.rvssl.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.events.RenewalDue;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.CreditInsufficient;
import com.rvssl.contracts.events.CreditLow;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.kit.security.ApiKeys;
import com.rvssl.kit.test.PathBypassAssertions;
import com.rvssl.kit.test.ProbeAssertions;
import com.rvssl.kit.test.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification against a real broker, a real MongoDB wire server and a real SMTP server
 * (GreenMail on a port of its own, stopped and started again to play an outage). A
 * delivery gets three attempts here, one and then two seconds apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rvssl.notify.retry.backoff=PT1S", "rvssl.notify.retry.max-backoff=PT2S",
				"rvssl.notify.retry.max-attempts=3", "rvssl.notify.retry.sweep-interval=PT0.1S",
				"rvssl.notify.retry.send-lease=PT10S", "rvssl.notify.operator-email=ops@rvssl.test",
				"spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"spring.mail.properties.mail.smtp.timeout=2000", "spring.kafka.consumer.group-id=notification-it" })
@AutoConfigureWebTestClient
class NotificationIntegrationTests extends ServiceIntegrationTest {

	private static final String OPERATOR_KEY = "operator-key-for-tests";

	private static final int SMTP_PORT = freePort();

	private static volatile GreenMail smtp = startSmtp();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "notification-integration");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("rvssl.security.operator-key-hash", () -> ApiKeys.hash(OPERATOR_KEY));
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void emailsTheCustomerOnceWhenTheCertificateIsIssuedAndListsItForItsResellerOnly() {
		Reseller acme = register("acme");
		Reseller other = register("other");
		String orderId = newId("order");
		String customer = newId("ann") + "@customer.test";

		send(placed(orderId, acme, customer, "shop.example.com"));
		send(issued(orderId, acme));

		await().atMost(PATIENCE).until(() -> messagesTo(customer).size() == 1);
		MimeMessage email = messagesTo(customer).get(0);
		assertThat(subjectOf(email)).isEqualTo("Your SSL certificate for shop.example.com has been issued");
		assertThat(partsOf(email)).anySatisfy(part -> {
			assertThat(part.type()).startsWith("text/plain");
			assertThat(part.content()).contains("0a:1b:2c").contains("LEAF-" + orderId);
		});
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries(acme.key(), orderId)).singleElement().satisfies(delivery -> {
				assertThat(delivery.status()).isEqualTo("SENT");
				assertThat(delivery.channel()).isEqualTo("EMAIL");
				assertThat(delivery.recipient()).isEqualTo(customer);
				assertThat(delivery.event()).isEqualTo("CertificateIssued");
				assertThat(delivery.attempts()).isEqualTo(1);
			}));
		assertThat(deliveries(other.key(), orderId)).isEmpty();
		assertThat(deliveries(OPERATOR_KEY, orderId)).hasSize(1);
	}

	@Test
	void sendsNoSecondEmailWhenTheSameCertificateIssuedIsRedelivered() {
		Reseller acme = register("acme");
		String orderId = newId("order");
		String customer = newId("bob") + "@customer.test";
		EventEnvelope issued = issued(orderId, acme);

		send(placed(orderId, acme, customer, "blog.example.com"));
		send(issued);
		send(issued);
		// same order, same partition: once this later event's email is out, both copies
		// were handled
		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CreditInsufficient(Money.of(100, "USD"), Money.of(0, "USD"))));

		await().atMost(PATIENCE).until(() -> messagesTo(acme.email()).size() == 1);
		assertThat(messagesTo(customer)).hasSize(1);
		assertThat(deliveries(acme.key(), orderId)).extracting(DeliveryLine::event)
			.containsExactlyInAnyOrder("CertificateIssued", "CreditInsufficient");
	}

	@Test
	void emailsTheResellerWhenAnOrderWaitsForPayment() throws Exception {
		Reseller acme = register("acme");
		String orderId = newId("order");

		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CreditInsufficient(Money.of(1299, "USD"), Money.of(100, "USD"))));

		await().atMost(PATIENCE).until(() -> messagesTo(acme.email()).size() == 1);
		MimeMessage email = messagesTo(acme.email()).get(0);
		assertThat(subjectOf(email)).isEqualTo("Order " + orderId + " is waiting for payment");
		assertThat(textOf(email)).contains("USD 12.99").contains("USD 1.00");
		assertThat(email.getFrom()[0].toString()).isEqualTo("certificates@rvglobalsoft.com");
	}

	@Test
	void keepsRetryingWhileTheSmtpServerIsDownAndSendsOnceItIsBack() {
		Reseller acme = register("acme");
		String orderId = newId("order");
		String customer = newId("cid") + "@customer.test";
		smtp.stop();
		try {
			send(placed(orderId, acme, customer, "down.example.com"));
			send(issued(orderId, acme));

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(deliveries(acme.key(), orderId)).singleElement().satisfies(delivery -> {
					assertThat(delivery.status()).isEqualTo("RETRYING");
					// the third failed attempt would make it dead: restart before then
					assertThat(delivery.attempts()).isBetween(1, 2);
				}));
		}
		finally {
			smtp = startSmtp();
		}

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries(acme.key(), orderId)).singleElement()
				.extracting(DeliveryLine::status)
				.isEqualTo("SENT"));
		assertThat(messagesTo(customer)).hasSize(1);
	}

	@Test
	void letsTheOperatorReplayADeadDeliveryOnceTheSmtpServerIsBack() {
		Reseller acme = register("acme");
		String orderId = newId("order");
		String customer = newId("dee") + "@customer.test";
		String deliveryId;
		smtp.stop();
		try {
			send(placed(orderId, acme, customer, "dead.example.com"));
			send(issued(orderId, acme));

			await().atMost(PATIENCE)
				.untilAsserted(
						() -> assertThat(deliveries(OPERATOR_KEY, orderId)).singleElement().satisfies(delivery -> {
							assertThat(delivery.status()).isEqualTo("DEAD");
							assertThat(delivery.attempts()).isEqualTo(3);
						}));
			deliveryId = deliveries(OPERATOR_KEY, orderId).get(0).id();
		}
		finally {
			smtp = startSmtp();
		}
		// a dead delivery stays dead: nothing is sent until the operator asks
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> messagesTo(customer).isEmpty());

		http.post()
			.uri("/api/v1/admin/deliveries/{id}/replay", deliveryId)
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SENT");

		assertThat(messagesTo(customer)).hasSize(1);
		http.post()
			.uri("/api/v1/admin/deliveries/{id}/replay", deliveryId)
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void readinessReportsKafkaAndMongoWhileLivenessChecksOnlyTheProcess() {
		ProbeAssertions.assertReadinessFollowsKafkaAndMongoWhileLivenessChecksOnlyTheProcess(http);
	}

	@Test
	void refusesCallersWithoutAKnownApiKey() {
		http.get()
			.uri("/api/v1/deliveries")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
		http.get()
			.uri("/api/v1/deliveries")
			.header("Authorization", "Bearer nobody-knows-this-key")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void letsOnlyTheOperatorReplayADelivery() {
		Reseller acme = register("acme");

		http.post()
			.uri("/api/v1/admin/deliveries/{id}/replay", "any")
			.header("Authorization", "Bearer " + acme.key())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		http.post()
			.uri("/api/v1/admin/deliveries/{id}/replay", "no-such-delivery")
			.header("Authorization", "Bearer " + OPERATOR_KEY)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void emailsTheCustomerDcvInstructionsInPlainTextAndHtmlUnderTheResellersBrand() throws Exception {
		Reseller acme = register("Acme Hosting");
		String orderId = newId("order");
		String customer = newId("eve") + "@customer.test";

		send(placed(orderId, acme, customer, "dcv.example.com"));
		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CertificateValidationUpdated("pending", "approval email sent to admin@dcv.example.com")));

		await().atMost(PATIENCE).until(() -> messagesTo(customer).size() == 1);
		MimeMessage email = messagesTo(customer).get(0);
		assertThat(subjectOf(email)).isEqualTo("Action needed for your SSL certificate for dcv.example.com");
		assertThat(email.getContentType()).startsWith("multipart/");
		assertThat(alternativesOf(email)).as("plain text and HTML as alternatives of one another")
			.containsExactly("text/plain", "text/html");
		String text = textOf(email);
		assertThat(text).contains("sent an approval email to admin@dcv.example.com")
			.contains("click the approval link")
			.contains(orderId)
			.contains("Acme Hosting");
		assertThat(partsOf(email)).anySatisfy(part -> {
			assertThat(part.type()).startsWith("text/html");
			assertThat(part.content()).contains("<h2>Acme Hosting</h2>").contains("admin@dcv.example.com");
		});
	}

	@Test
	void emailsTheDcvInstructionsOfEachDomainOnceAndAgainOnlyWhenTheyChange() {
		Reseller acme = register("Acme Hosting");
		String orderId = newId("order");
		String customer = newId("gil") + "@customer.test";
		DcvInstruction file = new DcvInstruction(DcvMethod.HTTP, "files.example.com",
				"http://files.example.com/.well-known/pki-validation/4F2A9C.txt", "c0ffee11\nsectigo.com\n" + orderId);
		DcvInstruction approver = new DcvInstruction(DcvMethod.EMAIL, "www.files.example.com",
				"admin@files.example.com", null);
		DcvInstruction record = new DcvInstruction(DcvMethod.DNS, "files.example.com", "_dnsauth.files.example.com",
				"2x7kq9zzpl");

		send(placed(orderId, acme, customer, "files.example.com"));
		send(validation(orderId, acme, "pending", "file not found yet", file, approver));
		// the CA's word changed, the instruction did not: no second email
		send(validation(orderId, acme, "pending", "file still not found", approver, file));
		// the customer switched to DNS for the first domain: a new email
		send(validation(orderId, acme, "pending", "waiting for the DNS record", record, approver));
		// same order, same partition: once this later event's email is out, all the above
		// were handled
		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CreditInsufficient(Money.of(100, "USD"), Money.of(0, "USD"))));

		await().atMost(PATIENCE).until(() -> messagesTo(acme.email()).size() == 1);
		assertThat(messagesTo(customer)).hasSize(2);
		// SMTP carries lines ending in CRLF
		String first = textOf(messagesTo(customer).get(0)).replace("\r\n", "\n");
		String second = textOf(messagesTo(customer).get(1)).replace("\r\n", "\n");
		List<String> texts = List.of(first, second);
		String fileEmail = texts.stream().filter(text -> text.contains("file not found yet")).findFirst().orElseThrow();
		String dnsEmail = texts.stream()
			.filter(text -> text.contains("waiting for the DNS record"))
			.findFirst()
			.orElseThrow();
		assertThat(fileEmail).contains("For files.example.com: publish a file")
			.contains("    http://files.example.com/.well-known/pki-validation/4F2A9C.txt")
			.contains("    c0ffee11\n    sectigo.com\n    " + orderId)
			.contains("For www.files.example.com: the certificate authority has sent an approval email to"
					+ " admin@files.example.com");
		assertThat(dnsEmail).contains("Name:   _dnsauth.files.example.com")
			.contains("Type:   TXT")
			.contains("Value:  2x7kq9zzpl")
			.doesNotContain("4F2A9C");
		assertThat(partsOf(messagesTo(customer).get(0))).anySatisfy(part -> {
			assertThat(part.type()).startsWith("text/html");
			assertThat(part.content()).contains("<h2>Acme Hosting</h2>");
		});
	}

	/**
	 * A renewal within the plan: the CA asks for the same email approval as at the first
	 * issuance (its reuse period lapsed), which is news again, said as a renewal; the
	 * renewed certificate is announced as renewed within the plan.
	 */
	@Test
	void emailsTheCustomerWhatToDoForARenewalWithinThePlanAndThenTheRenewedCertificate() {
		Reseller acme = register("Acme Hosting");
		String orderId = newId("order");
		String customer = newId("hal") + "@customer.test";
		DcvInstruction approver = new DcvInstruction(DcvMethod.EMAIL, "plan.example.com", "admin@plan.example.com",
				null);
		send(placed(orderId, acme, customer, "plan.example.com"));
		send(validation(orderId, acme, "pending", "approval email sent", approver));
		send(issued(orderId, acme));
		await().atMost(PATIENCE).until(() -> messagesTo(customer).size() == 2);

		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new ReissueRequested("-----BEGIN CERTIFICATE REQUEST-----", true)));
		send(validation(orderId, acme, "pending", "approval email sent", approver));
		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CertificateIssued("ca-" + orderId, "7e:57", Instant.parse("2027-06-01T10:00:00Z"),
						Instant.parse("2027-11-25T10:00:00Z"), "CN=RVssl Sandbox Intermediate",
						"-----BEGIN CERTIFICATE-----\nRENEWED-" + orderId + "\n-----END CERTIFICATE-----\n")));

		await().atMost(PATIENCE).until(() -> messagesTo(customer).size() == 4);
		assertThat(subjectOf(messagesTo(customer).get(2)))
			.isEqualTo("Action needed to renew your SSL certificate for plan.example.com");
		assertThat(textOf(messagesTo(customer).get(2)).replace("\r\n", "\n"))
			.contains("we are renewing your SSL certificate for plan.example.com within the plan")
			.contains("the certificate authority has sent an approval email to admin@plan.example.com");
		assertThat(subjectOf(messagesTo(customer).get(3)))
			.isEqualTo("Your SSL certificate for plan.example.com was renewed within your plan");
		assertThat(textOf(messagesTo(customer).get(3)).replace("\r\n", "\n"))
			.contains("valid\nuntil 2027-11-25 10:00 UTC")
			.contains("RENEWED-" + orderId);
	}

	/**
	 * The certificate expires within two weeks and its renewal still waits for the
	 * approval nobody gave: the customer is told, once however often the announcement is
	 * delivered, what to do; without a reissue under way, to contact the provider.
	 */
	@Test
	void tellsTheCustomerOnceWhyTheCertificateExpiresUnrenewedAndWhatToDo() {
		Reseller acme = register("Acme Hosting");
		String orderId = newId("order");
		String customer = newId("jon") + "@customer.test";
		EventEnvelope expiring = EventEnvelope.of(orderId, acme.id(), "corr", new CertificateExpiringUnrenewed(
				"0a:1b:2c", Instant.parse("2027-05-03T10:00:00Z"), Instant.parse("2027-11-25T10:00:00Z"), true));

		send(placed(orderId, acme, customer, "risk.example.com"));
		send(expiring);
		send(expiring);
		// same order, same partition: once this later event's email is out, both copies
		// were handled
		send(EventEnvelope.of(orderId, acme.id(), "corr",
				new CreditInsufficient(Money.of(100, "USD"), Money.of(0, "USD"))));

		await().atMost(PATIENCE).until(() -> messagesTo(acme.email()).size() == 1);
		assertThat(messagesTo(customer)).hasSize(1);
		MimeMessage email = messagesTo(customer).get(0);
		assertThat(subjectOf(email))
			.isEqualTo("Your SSL certificate for risk.example.com expires on 2027-05-03: its renewal needs you");
		assertThat(textOf(email).replace("\r\n", "\n")).contains("Hello Ann Lee")
			.contains("its renewal within the plan you bought is waiting for you")
			.contains("the certificate authority has sent an approval email to admin@risk.example.com")
			.contains("Acme Hosting");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries(acme.key(), orderId))
				.extracting(DeliveryLine::recipient, DeliveryLine::event, DeliveryLine::status)
				.containsExactlyInAnyOrder(
						org.assertj.core.groups.Tuple.tuple(customer, "CertificateExpiringUnrenewed", "SENT"),
						org.assertj.core.groups.Tuple.tuple(acme.email(), "CreditInsufficient", "SENT")));

		String otherOrder = newId("order");
		String otherCustomer = newId("kim") + "@customer.test";
		send(placed(otherOrder, acme, otherCustomer, "stalled.example.com"));
		send(EventEnvelope.of(otherOrder, acme.id(), "corr", new CertificateExpiringUnrenewed("0a:1b:2d",
				Instant.parse("2027-05-04T10:00:00Z"), Instant.parse("2027-11-25T10:00:00Z"), false)));

		await().atMost(PATIENCE).until(() -> messagesTo(otherCustomer).size() == 1);
		assertThat(subjectOf(messagesTo(otherCustomer).get(0))).isEqualTo(
				"Your SSL certificate for stalled.example.com expires on 2027-05-04 and has not been renewed yet");
		assertThat(textOf(messagesTo(otherCustomer).get(0)).replace("\r\n", "\n")).contains("has not started yet")
			.contains("Please contact Acme Hosting now");
	}

	@Test
	void tellsAnOrganisationItsDocumentsAreNeededAndThenThatTheCaWillCall() {
		Reseller acme = register("Acme Hosting");
		String orderId = newId("order");
		String customer = newId("hal") + "@customer.test";

		send(placed(orderId, acme, customer, "org.example.com"));
		send(EventEnvelope.of(orderId, acme.id(), "corr", new CertificateValidationUpdated("pending",
				"organisation documents requested", ValidationStage.DOCUMENTS_REQUESTED, List.of())));
		send(EventEnvelope.of(orderId, acme.id(), "corr", new CertificateValidationUpdated("pending", "call scheduled",
				ValidationStage.VERIFICATION_CALL_PENDING, List.of())));

		await().atMost(PATIENCE).until(() -> messagesTo(customer).size() == 2);
		assertThat(messagesTo(customer)).extracting(NotificationIntegrationTests::subjectOf)
			.containsExactlyInAnyOrder("Documents needed for your SSL certificate for org.example.com",
					"Verification call for your SSL certificate for org.example.com");
	}

	@Test
	void remindsTheCustomerAndTheResellerToRenewInPlainTextAndHtml() throws Exception {
		Reseller acme = register("Acme Hosting");
		String orderId = newId("order");
		String customer = newId("ivy") + "@customer.test";
		Instant notAfter = Instant.now().plus(java.time.Duration.ofDays(7)).plus(java.time.Duration.ofHours(2));

		send(placed(orderId, acme, customer, "renew.example.com"));
		send(EventEnvelope.of(orderId, acme.id(), "corr", new RenewalDue(7, notAfter, "renew.example.com")));

		await().atMost(PATIENCE).until(() -> messagesTo(customer).size() == 1 && messagesTo(acme.email()).size() == 1);
		MimeMessage toCustomer = messagesTo(customer).get(0);
		assertThat(subjectOf(toCustomer)).isEqualTo("Your SSL certificate for renew.example.com expires in 7 days");
		assertThat(alternativesOf(toCustomer)).containsExactly("text/plain", "text/html");
		assertThat(textOf(toCustomer)).contains("Hello Ann Lee").contains(orderId).contains("Acme Hosting");
		assertThat(partsOf(toCustomer)).anySatisfy(part -> {
			assertThat(part.type()).startsWith("text/html");
			assertThat(part.content()).contains("<h2>Acme Hosting</h2>").contains("renew.example.com");
		});
		MimeMessage toReseller = messagesTo(acme.email()).get(0);
		assertThat(subjectOf(toReseller))
			.isEqualTo("Certificate for renew.example.com (order " + orderId + ") expires in 7 days");
		assertThat(textOf(toReseller)).contains("Hello Acme Hosting").contains(customer);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries(acme.key(), orderId))
				.extracting(DeliveryLine::recipient, DeliveryLine::event, DeliveryLine::status)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(customer, "RenewalDue", "SENT"),
						org.assertj.core.groups.Tuple.tuple(acme.email(), "RenewalDue", "SENT")));
	}

	@Test
	void attachesTheCertificateAsPemToTheIssuedEmail() {
		Reseller acme = register("Acme Hosting");
		String orderId = newId("order");
		String customer = newId("fay") + "@customer.test";

		send(placed(orderId, acme, customer, "pem.example.com"));
		send(issued(orderId, acme));

		await().atMost(PATIENCE).until(() -> messagesTo(customer).size() == 1);
		assertThat(partsOf(messagesTo(customer).get(0))).anySatisfy(part -> {
			assertThat(part.fileName()).isEqualTo("pem.example.com.pem");
			assertThat(part.content()).startsWith("-----BEGIN CERTIFICATE-----").contains("LEAF-" + orderId);
		});
	}

	@Test
	void warnsTheResellerOnlyWhenItsCreditRunsLow() {
		Reseller acme = register("Acme Hosting");

		send(EventEnvelope.of(acme.id(), "corr", new CreditLow(Money.of(950, "USD"), Money.of(5000, "USD"))));

		await().atMost(PATIENCE).until(() -> messagesTo(acme.email()).size() == 1);
		MimeMessage email = messagesTo(acme.email()).get(0);
		assertThat(subjectOf(email)).isEqualTo("Your RVssl credit is low: USD 9.50");
		assertThat(textOf(email)).contains("Hello Acme Hosting").contains("USD 50.00");
	}

	/** Registers a reseller through its event and waits until its key is accepted. */
	@Test
	void noShapeOfAnApiPathAnswersOrChangesAnythingWithoutAKey() {
		Reseller reseller = register("bypass");
		String orderId = newId("order");
		send(placed(orderId, reseller, newId("bea") + "@customer.test", "bypass.example.com"));
		send(issued(orderId, reseller));
		List<DeliveryLine> before = await().atMost(PATIENCE)
			.until(() -> deliveries(reseller.key(), orderId),
					(found) -> found.size() == 1 && "SENT".equals(found.get(0).status()));

		PathBypassAssertions.assertFirewallRejected(PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.PUT,
				"/api/v1/webhook", null, "{\"url\": \"https://evil.example/hook\", \"secret\": \"s3cret-s3cret\"}"));
		PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.GET, "/api/v1/deliveries?orderId=" + orderId,
				null, null);
		String deliveryId = before.get(0).id();
		PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.POST,
				"/api/v1/admin/deliveries/" + deliveryId + "/replay", null, null);
		PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.GET, "/internal/v1/deliveries", null, null);
		PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.GET, "/internal/v1/deliveries", reseller.key(),
				null);

		http.get()
			.uri("/api/v1/webhook")
			.header("Authorization", "Bearer " + reseller.key())
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(deliveries(reseller.key(), orderId)).isEqualTo(before);
	}

	@Test
	void aPathListedNowhereNeedsAKey() {
		http.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
		http.get().uri("/no/such/page").exchange().expectStatus().isUnauthorized();
		http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	private Reseller register(String name) {
		String slug = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
		Reseller reseller = new Reseller(newId(slug), newId("key"), newId(slug) + "@reseller.test");
		announce(reseller.id(), name, reseller.key(), reseller.email());
		return reseller;
	}

	private List<DeliveryLine> deliveries(String key, String orderId) {
		return deliveryLog(key, orderId, "EMAIL");
	}

	private static EventEnvelope placed(String orderId, Reseller reseller, String customerEmail, String domain) {
		return EventEnvelope.of(orderId, reseller.id(), "corr",
				new OrderPlaced("digicert-dv", CertificateAuthority.DIGICERT, "ssl_dv_rapidssl", Validation.DV, 12,
						List.of(domain, "www." + domain), "-----BEGIN CERTIFICATE REQUEST-----\n...",
						new Dcv(DcvMethod.EMAIL, "admin@" + domain), new Customer("Ann Lee", customerEmail), null,
						Money.of(1299, "USD"), Money.of(2999, "USD"), "whmcs-1"));
	}

	private static EventEnvelope validation(String orderId, Reseller reseller, String caStatus, String detail,
			DcvInstruction... dcv) {
		return EventEnvelope.of(orderId, reseller.id(), "corr",
				new CertificateValidationUpdated(caStatus, detail, ValidationStage.DCV_PENDING, List.of(dcv)));
	}

	private static EventEnvelope issued(String orderId, Reseller reseller) {
		return EventEnvelope.of(orderId, reseller.id(), "corr",
				new CertificateIssued("ca-" + orderId, "0a:1b:2c", Instant.parse("2026-11-25T10:00:00Z"),
						Instant.parse("2027-11-25T10:00:00Z"), "CN=RVssl Sandbox Intermediate",
						"-----BEGIN CERTIFICATE-----\nLEAF-" + orderId + "\n-----END CERTIFICATE-----\n"));
	}

	private static List<MimeMessage> messagesTo(String recipient) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String textOf(MimeMessage message) {
		return partsOf(message).stream()
			.filter(part -> part.type().startsWith("text/plain"))
			.map(Part::content)
			.findFirst()
			.orElseThrow();
	}

	/** The leaf parts of a message, depth first. */
	private static List<Part> partsOf(MimeMessage message) {
		try {
			List<Part> parts = new java.util.ArrayList<>();
			collect(message, parts);
			return parts;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(jakarta.mail.Part part, List<Part> parts) throws Exception {
		Object content = part.getContent();
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), parts);
			}
		}
		else {
			String text = (content instanceof String string) ? string
					: new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			parts.add(new Part(part.getContentType().toLowerCase(java.util.Locale.ROOT), part.getFileName(), text));
		}
	}

	/** The content types inside the message's multipart/alternative. */
	private static List<String> alternativesOf(MimeMessage message) throws Exception {
		return alternativesIn(message);
	}

	private static List<String> alternativesIn(jakarta.mail.Part part) throws Exception {
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			if (part.isMimeType("multipart/alternative")) {
				List<String> types = new java.util.ArrayList<>();
				for (int i = 0; i < multipart.getCount(); i++) {
					types.add(multipart.getBodyPart(i).getContentType().toLowerCase(java.util.Locale.ROOT).split(";")[0]
						.trim());
				}
				return types;
			}
			for (int i = 0; i < multipart.getCount(); i++) {
				List<String> found = alternativesIn(multipart.getBodyPart(i));
				if (!found.isEmpty()) {
					return found;
				}
			}
		}
		return List.of();
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Part(String type, String fileName, String content) {
	}

	record Reseller(String id, String key, String email) {
	}

}
