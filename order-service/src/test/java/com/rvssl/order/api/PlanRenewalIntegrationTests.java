package com.rvssl.order.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRenewalDue;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A twelve-month order renewed within its plan, over the real broker and database: status
 * sync's CertificateRenewalDue makes the order ask for its reissue by itself, once; the
 * views say a renewal is under way until the new certificate arrives, which the order
 * then serves and lists after the first. When the certificate nears its expiry while the
 * CA still waits for the renewal's validation, status sync's CertificateExpiringUnrenewed
 * makes every view say why first, until the new certificate arrives.
 */
class PlanRenewalIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void anIssuedOrderRenewsItsCertificateWithinItsPlanOnceAndServesTheNewOne() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), domain);
		String orderId = placed(reseller, dvOrder(domain, csr));
		TestCertificates.Chain chain = issue(reseller, orderId, domain);

		JsonNode issued = order(reseller, orderId);
		String serial = issued.path("certificate").path("serialNumber").asString();
		Instant notBefore = Instant.parse(issued.path("certificate").path("notBefore").asString());
		Instant notAfter = Instant.parse(issued.path("certificate").path("notAfter").asString());
		Instant planEnd = notBefore.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
		assertThat(issued.path("termMonths").asInt()).isEqualTo(12);
		assertThat(Instant.parse(issued.path("planEnd").asString())).isEqualTo(planEnd);
		assertThat(serials(issued)).containsExactly(serial);
		assertThat(issued.path("reissue").isNull()).isTrue();
		assertThat(issued.path("renewalAtRisk").isNull()).isTrue();

		// status sync: the certificate passed its reissue point
		EventEnvelope due = publish(orderId, reseller.id(), new CertificateRenewalDue(serial, notAfter, planEnd));

		JsonNode renewing = awaitClientStatus(reseller, orderId, "Issued, renewal in progress");
		assertThat(renewing.path("state").asString()).isEqualTo("ISSUED");
		assertThat(renewing.path("views").path("admin").path("status").asString())
			.isEqualTo("Active, renewal in progress");
		assertThat(renewing.path("views").path("provider").path("status").asString())
			.isEqualTo("Complete, renewal in progress");
		assertThat(renewing.path("reissue").path("automatic").asBoolean()).isTrue();
		assertThat(await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, ReissueRequested.class), (found) -> !found.isEmpty()))
			.containsExactly(new ReissueRequested(csr, true));

		// the same announcement redelivered, and announced again: no second reissue
		send(due);
		publish(orderId, reseller.id(), new CertificateRenewalDue(serial, notAfter, planEnd));
		await().during(Duration.ofSeconds(2))
			.atMost(6, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, ReissueRequested.class).size() == 1);

		// the CA's validation reuse lapsed: it asks for the email approval again
		publish(orderId, reseller.id(),
				new CertificateValidationUpdated("pending", "approval email sent", ValidationStage.DCV_PENDING,
						List.of(new DcvInstruction(DcvMethod.EMAIL, domain, "admin@" + domain, null))));
		JsonNode validating = await().atMost(20, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> order(reseller, orderId), (found) -> !found.path("validation").path("dcv").isEmpty());
		assertThat(validating.path("state").asString()).isEqualTo("ISSUED");
		assertThat(validating.path("views").path("client").path("status").asString())
			.isEqualTo("Issued, renewal in progress");
		assertThat(validating.path("views").path("client").path("detail").asString())
			.contains("Approve the email sent to admin@" + domain);
		assertThat(validating.path("renewalAtRisk").isNull()).isTrue();

		// nobody followed the approval email: status sync finds the certificate two weeks
		// from its expiry, unrenewed, and alerts the operators
		String expiry = notAfter.toString().substring(0, 10);
		String requested = Instant.parse(renewing.path("reissue").path("requestedAt").asString())
			.toString()
			.substring(0, 10);
		EventEnvelope expiring = publish(orderId, reseller.id(),
				new CertificateExpiringUnrenewed(serial, notAfter, planEnd, true));
		JsonNode atRisk = await().atMost(20, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> order(reseller, orderId), (found) -> !found.path("renewalAtRisk").isNull());
		assertThat(Instant.parse(atRisk.path("renewalAtRisk").path("notAfter").asString())).isEqualTo(notAfter);
		assertThat(Instant.parse(atRisk.path("renewalAtRisk").path("since").asString()))
			.isEqualTo(expiring.occurredAt().truncatedTo(ChronoUnit.MILLIS));
		assertThat(atRisk.path("renewalAtRisk").path("reissueUnderway").asBoolean()).isTrue();
		assertThat(atRisk.path("state").asString()).isEqualTo("ISSUED");
		assertThat(atRisk.path("views").path("client").path("status").asString())
			.isEqualTo("Issued, renewal in progress");
		assertThat(atRisk.path("views").path("admin").path("status").asString())
			.isEqualTo("Active, renewal in progress");
		assertThat(atRisk.path("views").path("client").path("detail").asString())
			.isEqualTo("Action needed: your certificate expires on " + expiry
					+ " and its renewal is waiting for you. Approve the email sent to admin@" + domain + " for "
					+ domain + ".");
		for (String staff : List.of("admin", "provider")) {
			assertThat(atRisk.path("views").path(staff).path("detail").asString())
				.startsWith("Renewal at risk: the certificate expires on " + expiry
						+ " and the certificate authority still waits for domain validation of the reissue requested on "
						+ requested + " (approval email to admin@" + domain + " not followed yet). ");
		}
		JsonNode atRiskTimeline = atRisk.path("timeline");
		assertThat(atRiskTimeline.get(atRiskTimeline.size() - 1).path("note").asString())
			.isEqualTo("Certificate " + serial + " expires on " + expiry + " and no renewal has been issued yet: the"
					+ " certificate authority still waits for domain validation");
		// redelivered: the order does not change again
		send(expiring);
		await().during(Duration.ofSeconds(2))
			.atMost(6, TimeUnit.SECONDS)
			.until(() -> order(reseller, orderId).path("timeline").size() == atRiskTimeline.size());

		// the reissued certificate, capped by the CA at the plan's end
		Instant renewedFrom = notAfter.minus(Duration.ofDays(60));
		publish(orderId, reseller.id(), new CertificateIssued("DC-" + orderId, "7e57a1", renewedFrom, planEnd,
				"CN=RVssl Test Intermediate", chain.pem()));

		JsonNode renewed = awaitClientStatus(reseller, orderId, "Issued");
		assertThat(renewed.path("state").asString()).isEqualTo("ISSUED");
		assertThat(renewed.path("certificate").path("serialNumber").asString()).isEqualTo("7e57a1");
		assertThat(Instant.parse(renewed.path("certificate").path("notAfter").asString())).isEqualTo(planEnd);
		assertThat(renewed.path("views").path("client").path("detail").asString())
			.isEqualTo("Issued; valid until " + planEnd.toString().substring(0, 10) + ".");
		assertThat(serials(renewed)).containsExactly(serial, "7e57a1");
		assertThat(Instant.parse(renewed.path("planEnd").asString())).isEqualTo(planEnd);
		assertThat(renewed.path("reissue").isNull()).isTrue();
		assertThat(renewed.path("renewalAtRisk").isNull()).isTrue();
		assertThat(renewed.path("views").path("admin").path("detail").asString()).doesNotContain("Renewal at risk");
		JsonNode timeline = renewed.path("timeline");
		assertThat(timeline.get(timeline.size() - 1).path("note").asString())
			.startsWith("Reissued certificate issued, serial 7e57a1: renewed within the plan");
	}

	private JsonNode awaitClientStatus(TestReseller reseller, String orderId, String status) {
		return await().atMost(20, TimeUnit.SECONDS)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> order(reseller, orderId),
					(found) -> status.equals(found.path("views").path("client").path("status").asString()));
	}

	private static List<String> serials(JsonNode order) {
		return order.path("certificates")
			.valueStream()
			.map((certificate) -> certificate.path("serialNumber").asString())
			.toList();
	}

}
