package com.rvssl.order.views;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRenewalDue;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderLifecycle;
import com.rvssl.order.orders.Outcome;
import com.rvssl.order.support.OrderFixtures;

import static com.rvssl.order.support.OrderFixtures.after;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the three audiences read while the platform renews a certificate within its plan.
 */
class RenewalViewsTests {

	private static final Instant NOT_BEFORE = Instant.parse("2026-04-10T08:00:00Z");

	private static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(199));

	private static final Instant PLAN_END = Instant.parse("2027-04-10T08:00:00Z");

	@Test
	void aRenewalUnderWayReadsIssuedRenewalInProgressInEveryAudiencesWords() {
		Views views = StatusViews.of(renewing());

		assertThat(views.client().status()).isEqualTo("Issued, renewal in progress");
		assertThat(views.admin().status()).isEqualTo("Active, renewal in progress");
		assertThat(views.provider().status()).isEqualTo("Complete, renewal in progress");
		assertThat(views.client().detail()).isEqualTo(
				"Your certificate is valid until 2026-10-26; its renewal within your plan (until 2027-04-10) is on its way.");
		assertThat(views.admin().detail()).contains("Renewing within the plan (until 2027-04-10)")
			.contains("requested automatically on 2026-08-21")
			.contains("valid until 2026-10-26");
	}

	@Test
	void theCaAskingForValidationAgainTellsTheCustomerWhatToDo() {
		Order validating = after(renewing(),
				new CertificateValidationUpdated("pending", "approval email sent", ValidationStage.DCV_PENDING,
						List.of(new DcvInstruction(DcvMethod.EMAIL, "example.com", "admin@example.com", null))));

		Views views = StatusViews.of(validating);

		assertThat(views.client().status()).isEqualTo("Issued, renewal in progress");
		assertThat(views.client().detail()).endsWith("Approve the email sent to admin@example.com for example.com.");
		assertThat(views.admin().detail()).contains("The certificate authority: approval email sent");
	}

	@Test
	void theRenewedCertificateReadsIssuedAgainWithItsNewExpiry() {
		Order renewed = after(renewing(), new CertificateIssued("1", "0a02", NOT_AFTER, PLAN_END, "CN=CA", "pem"));

		Views views = StatusViews.of(renewed);

		assertThat(views.client().status()).isEqualTo("Issued");
		assertThat(views.admin().status()).isEqualTo("Active");
		assertThat(views.provider().status()).isEqualTo("Complete");
		assertThat(views.client().detail()).isEqualTo("Issued; valid until 2027-04-10.");
	}

	@Test
	void aReissueTheResellerAskedForKeepsTheIssuedStatusesAndSaysSoInTheDetail() {
		Order issued = issued();
		Order reissuing = after(issued, OrderLifecycle.reissue(issued, "NEW-CSR", NOT_AFTER.minus(Duration.ofDays(9))));

		assertThat(StatusViews.of(reissuing).client().status()).isEqualTo("Issued");
		assertThat(StatusViews.of(reissuing).provider().status()).isEqualTo("Complete");
		assertThat(StatusViews.of(reissuing).client().detail()).contains("the reissued certificate is on its way");
		assertThat(StatusViews.of(reissuing).provider().detail()).contains("Reissue requested by the reseller");
	}

	@Test
	void aRenewalAtRiskWaitingForTheApprovalEmailSaysWhyFirstInEveryView() {
		Order validating = after(renewing(),
				new CertificateValidationUpdated("pending", "approval email sent", ValidationStage.DCV_PENDING,
						List.of(new DcvInstruction(DcvMethod.EMAIL, "example.com", "admin@example.com", null))));

		Views views = StatusViews.of(atRisk(validating, true));

		assertThat(views.client().status()).isEqualTo("Issued, renewal in progress");
		assertThat(views.admin().status()).isEqualTo("Active, renewal in progress");
		assertThat(views.provider().status()).isEqualTo("Complete, renewal in progress");
		assertThat(views.client().detail())
			.isEqualTo("Action needed: your certificate expires on 2026-10-26 and its renewal is waiting for you."
					+ " Approve the email sent to admin@example.com for example.com.");
		String why = "Renewal at risk: the certificate expires on 2026-10-26 and the certificate authority still"
				+ " waits for domain validation of the reissue requested on 2026-08-21 (approval email to"
				+ " admin@example.com not followed yet). ";
		assertThat(views.admin().detail()).startsWith(why + "Renewing within the plan (until 2027-04-10)")
			.contains("The certificate authority: approval email sent");
		assertThat(views.provider().detail()).isEqualTo(views.admin().detail());
	}

	@Test
	void aRenewalAtRiskBeforeTheCaSaidAnythingFallsBackToTheOrdersValidationMethod() {
		Views views = StatusViews.of(atRisk(renewing(), true));

		assertThat(views.client().detail())
			.isEqualTo("Action needed: your certificate expires on 2026-10-26 and its renewal is waiting for you."
					+ " Approve the email sent to admin@example.com.");
		assertThat(views.admin().detail()).startsWith("Renewal at risk: the certificate expires on 2026-10-26 and the"
				+ " certificate authority still waits for domain validation of the reissue requested on 2026-08-21"
				+ " (approval email to admin@example.com not followed yet).");
	}

	@Test
	void aRenewalAtRiskWithNoReissueUnderWayKeepsTheIssuedStatusesAndSaysTheRenewalHasNotStarted() {
		Views views = StatusViews.of(atRisk(issued(), false));

		assertThat(views.client().status()).isEqualTo("Issued");
		assertThat(views.admin().status()).isEqualTo("Active");
		assertThat(views.provider().status()).isEqualTo("Complete");
		assertThat(views.client().detail()).isEqualTo(
				"Your certificate expires on 2026-10-26; its renewal has not started. Please contact your provider.");
		assertThat(views.admin().detail())
			.isEqualTo("Renewal at risk: the certificate expires on 2026-10-26 and no reissue is under way."
					+ " RVglobalsoft.com has been alerted; you can also reissue the certificate now."
					+ " Issued; valid until 2026-10-26.");
		assertThat(views.provider().detail()).isEqualTo(views.admin().detail());
	}

	@Test
	void aRenewalAtRiskWhoseReissueNeverReachedTheCaSaysSoToTheReseller() {
		Views views = StatusViews.of(atRisk(renewing(), false));

		assertThat(views.admin().status()).isEqualTo("Active, renewal in progress");
		assertThat(views.client().detail()).isEqualTo(
				"Your certificate expires on 2026-10-26; its renewal has not started. Please contact your provider.");
		assertThat(views.admin().detail()).startsWith("Renewal at risk: the certificate expires on 2026-10-26 and no"
				+ " reissue is under way at the certificate authority (the reissue requested on 2026-08-21 has not"
				+ " reached it). RVglobalsoft.com has been alerted;");
	}

	@Test
	void theRenewedCertificateEndsTheRenewalAtRiskInEveryView() {
		Order renewed = after(atRisk(renewing(), true),
				new CertificateIssued("1", "0a02", NOT_AFTER, PLAN_END, "CN=CA", "pem"));

		Views views = StatusViews.of(renewed);

		assertThat(views.client()).isEqualTo(new View("Issued", "Issued; valid until 2027-04-10."));
		assertThat(views.admin()).isEqualTo(new View("Active", "Issued; valid until 2027-04-10."));
		assertThat(views.provider()).isEqualTo(new View("Complete", "Issued; valid until 2027-04-10."));
	}

	/** Status sync: the current certificate expires within two weeks, unrenewed. */
	private static Order atRisk(Order order, boolean reissueUnderway) {
		Outcome outcome = OrderLifecycle.apply(order,
				new EventEnvelope(java.util.UUID.randomUUID(), "CertificateExpiringUnrenewed", 1,
						NOT_AFTER.minus(Duration.ofDays(14)), order.id(), order.resellerId(), order.id(),
						new CertificateExpiringUnrenewed("0a01", NOT_AFTER, PLAN_END, reissueUnderway)));
		return after(order, ((Outcome.Applied) outcome).change());
	}

	private static Order renewing() {
		Order issued = issued();
		Outcome outcome = OrderLifecycle.apply(issued,
				new EventEnvelope(java.util.UUID.randomUUID(), "CertificateRenewalDue", 1,
						Instant.parse("2026-08-21T08:00:00Z"), issued.id(), issued.resellerId(), issued.id(),
						new CertificateRenewalDue("0a01", NOT_AFTER, PLAN_END)));
		return after(issued, ((Outcome.Applied) outcome).change());
	}

	private static Order issued() {
		Order order = after(OrderFixtures.placedOrder(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
		order = after(order, new CertificateSubmitted(CertificateAuthority.DIGICERT, "1"));
		return after(order, new CertificateIssued("1", "0a01", NOT_BEFORE, NOT_AFTER, "CN=CA", "pem"));
	}

}
