package com.rvssl.order.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.events.CertificateCancelled;
import com.rvssl.contracts.events.CertificateExpiringUnrenewed;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateRenewalDue;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.order.support.OrderFixtures;

import static com.rvssl.order.support.OrderFixtures.after;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A twelve-month order is a plan of certificates of at most 199 days: the first fixes the
 * plan's end, each CertificateRenewalDue asks for the next by itself, once.
 */
class PlanRenewalTests {

	private static final Instant FIRST_NOT_BEFORE = Instant.parse("2026-04-10T08:00:00Z");

	private static final Instant FIRST_NOT_AFTER = FIRST_NOT_BEFORE.plus(Duration.ofDays(199));

	private static final Instant PLAN_END = Instant.parse("2027-04-10T08:00:00Z");

	private static final Instant RENEWED_AT = FIRST_NOT_BEFORE.plus(Duration.ofDays(133));

	/**
	 * When status sync finds the first certificate two weeks from its expiry, unrenewed.
	 */
	private static final Instant AT_RISK_AT = FIRST_NOT_AFTER.minus(Duration.ofDays(14));

	private final Order issued = issuedOrder();

	@Test
	void theFirstCertificateFixesThePlanEndTermMonthsAfterItsNotBefore() {
		assertThat(PlanEnd.of(FIRST_NOT_BEFORE, 12)).isEqualTo(PLAN_END);
		assertThat(PlanEnd.of(Instant.parse("2027-01-31T00:00:00Z"), 1))
			.isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
		assertThat(issued.planEnd()).isEqualTo(PLAN_END);
		assertThat(issued.certificates()).extracting(CertificateSummary::serialNumber).containsExactly("0a01");
		assertThat(issued.reissue()).isNull();
	}

	@Test
	void aRenewalDueForTheCurrentCertificateAsksForAnAutomaticReissueOverTheOrdersCsr() {
		OrderChange change = renewal(issued);

		assertThat(change.state()).isEqualTo(OrderState.ISSUED);
		assertThat(change.events()).singleElement()
			.extracting((envelope) -> envelope.payload())
			.isEqualTo(new ReissueRequested(issued.csr(), true));
		assertThat(change.facts().get("reissue")).isEqualTo(new ReissueUnderway(RENEWED_AT, true, "0a01"));
		assertThat(change.entry().note()).contains("Renewal within the plan (until 2027-04-10)")
			.contains("requested automatically");
	}

	@Test
	void aSecondRenewalDueForTheSameSerialAsksNothingWhileTheReissueIsUnderWayNorAfterIt() {
		Order renewing = after(issued, renewal(issued));
		Order renewed = after(renewing, newCertificate());

		assertThat(renewalOutcome(renewing)).isInstanceOf(Outcome.Stale.class);
		assertThat(renewalOutcome(renewed)).isInstanceOf(Outcome.Stale.class);
	}

	@Test
	void onlyAnIssuedOrderRenews() {
		Order paid = after(OrderFixtures.placedOrder(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));

		assertThat(renewalOutcome(paid)).isInstanceOf(Outcome.Stale.class);
	}

	@Test
	void theCaValidatingAgainDuringTheRenewalKeepsTheOrderIssuedWithTheInstructions() {
		Order renewing = after(issued, renewal(issued));
		DcvInstruction approve = new DcvInstruction(DcvMethod.EMAIL, "example.com", "admin@example.com", null);

		Order validating = after(renewing, new CertificateValidationUpdated("pending", "approval email sent",
				ValidationStage.DCV_PENDING, List.of(approve)));

		assertThat(validating.state()).isEqualTo(OrderState.ISSUED);
		assertThat(validating.isBeingReissued()).isTrue();
		assertThat(validating.validationProgress().dcv()).containsExactly(approve);
		assertThat(validating.timeline().get(validating.timeline().size() - 1).note())
			.isEqualTo("Reissue validation: pending (approval email sent)");
	}

	@Test
	void aValidationUpdateFromBeforeTheRenewalDeliveredLateStaysStale() {
		Order renewing = after(issued, renewal(issued));

		Outcome late = OrderLifecycle.apply(renewing,
				new com.rvssl.contracts.EventEnvelope(java.util.UUID.randomUUID(), "CertificateValidationUpdated", 1,
						RENEWED_AT.minusSeconds(60), renewing.id(), renewing.resellerId(), renewing.id(),
						new CertificateValidationUpdated("pending", "first validation")));

		assertThat(late).isInstanceOf(Outcome.Stale.class);
	}

	@Test
	void theRenewedCertificateEndsTheReissueAndIsListedAfterTheFirst() {
		Order renewed = after(after(issued, renewal(issued)), newCertificate());

		assertThat(renewed.state()).isEqualTo(OrderState.ISSUED);
		assertThat(renewed.reissue()).isNull();
		assertThat(renewed.certificate().serialNumber()).isEqualTo("0a02");
		assertThat(renewed.certificates()).extracting(CertificateSummary::serialNumber).containsExactly("0a01", "0a02");
		assertThat(renewed.planEnd()).isEqualTo(PLAN_END);
		assertThat(renewed.timeline().get(renewed.timeline().size() - 1).note())
			.isEqualTo("Reissued certificate issued, serial 0a02: renewed within the plan, valid until 2027-04-10");
	}

	@Test
	void aRefusedReissueLeavesTheCurrentCertificateInPlace() {
		Order refused = after(after(issued, renewal(issued)), new CertificateRejected("domain on a blocklist"));

		assertThat(refused.state()).isEqualTo(OrderState.ISSUED);
		assertThat(refused.reissue()).isNull();
		assertThat(refused.certificate().serialNumber()).isEqualTo("0a01");
	}

	@Test
	void theResellersReissueWithANewCsrMakesItTheCsrOfLaterRenewals() {
		Order reissued = after(issued, OrderLifecycle.reissue(issued, "NEW-CSR", RENEWED_AT));
		assertThat(reissued.reissue()).isEqualTo(new ReissueUnderway(RENEWED_AT, false, "0a01"));
		Order replaced = after(reissued, newCertificate());

		OrderChange renewal = ((Outcome.Applied) OrderLifecycle.apply(replaced,
				OrderFixtures.event(replaced, new CertificateRenewalDue("0a02", PLAN_END, PLAN_END))))
			.change();

		assertThat(renewal.events()).singleElement()
			.extracting((envelope) -> envelope.payload())
			.isEqualTo(new ReissueRequested("NEW-CSR", true));
	}

	@Test
	void theCertificateListKeepsTheNewestOnly() {
		Order order = issued;
		for (int i = 0; i < Order.CERTIFICATES_KEPT + 3; i++) {
			order = after(order, new CertificateIssued("1", "0b" + i, RENEWED_AT, PLAN_END, "CN=CA", "pem"));
		}

		assertThat(order.certificates()).hasSize(Order.CERTIFICATES_KEPT);
		assertThat(order.certificates().get(Order.CERTIFICATES_KEPT - 1).serialNumber())
			.isEqualTo("0b" + (Order.CERTIFICATES_KEPT + 2));
	}

	@Test
	void aCertificateExpiringUnrenewedWhileTheCaWaitsForValidationIsRecordedWithWhy() {
		Order validating = after(after(issued, renewal(issued)), emailValidation());

		Outcome outcome = OrderLifecycle.apply(validating, expiring(validating, "0a01", true));

		OrderChange change = ((Outcome.Applied) outcome).change();
		assertThat(change.state()).isEqualTo(OrderState.ISSUED);
		assertThat(change.events()).isEmpty();
		assertThat(change.entry().note()).isEqualTo("Certificate 0a01 expires on 2026-10-26 and no renewal has been"
				+ " issued yet: the certificate authority still waits for domain validation");
		Order atRisk = after(validating, change);
		assertThat(atRisk.renewalAtRisk()).isEqualTo(new RenewalAtRisk(FIRST_NOT_AFTER, AT_RISK_AT, true));
		assertThat(atRisk.isRenewalAtRisk()).isTrue();
		// the reissue and what the CA asks stay: the views say both
		assertThat(atRisk.isBeingReissued()).isTrue();
		assertThat(atRisk.validationProgress()).isEqualTo(validating.validationProgress());
	}

	@Test
	void aCertificateExpiringUnrenewedWithNoReissueUnderWaySaysSo() {
		Order atRisk = after(issued, change(issued, expiring(issued, "0a01", false)));

		assertThat(atRisk.renewalAtRisk()).isEqualTo(new RenewalAtRisk(FIRST_NOT_AFTER, AT_RISK_AT, false));
		assertThat(atRisk.timeline().get(atRisk.timeline().size() - 1).note()).isEqualTo(
				"Certificate 0a01 expires on 2026-10-26 and no renewal has been issued yet: no reissue is under way");
	}

	@Test
	void aCertificateExpiringUnrenewedForAReplacedCertificateOrANotIssuedOrderIsStale() {
		Order renewed = after(after(issued, renewal(issued)), newCertificate());
		Order paid = after(OrderFixtures.placedOrder(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));

		assertThat(OrderLifecycle.apply(renewed, expiring(renewed, "0a01", true))).isInstanceOf(Outcome.Stale.class);
		assertThat(OrderLifecycle.apply(paid, expiring(paid, "0a01", true))).isInstanceOf(Outcome.Stale.class);
	}

	@Test
	void aRedeliveredOrRepeatedCertificateExpiringUnrenewedChangesNothingTheSecondTime() {
		EventEnvelope announcement = expiring(issued, "0a01", true);
		Order atRisk = after(issued, change(issued, announcement));

		assertThat(OrderLifecycle.apply(atRisk, announcement)).isInstanceOf(Outcome.Stale.class);
		assertThat(OrderLifecycle.apply(atRisk, expiring(atRisk, "0A01", true))).isInstanceOf(Outcome.Stale.class);
	}

	@Test
	void theNewCertificateClearsTheRenewalAtRisk() {
		Order validating = after(after(issued, renewal(issued)), emailValidation());
		Order atRisk = after(validating, change(validating, expiring(validating, "0a01", true)));

		Order renewed = after(atRisk, newCertificate());

		assertThat(renewed.renewalAtRisk()).isNull();
		assertThat(renewed.isRenewalAtRisk()).isFalse();
		assertThat(renewed.certificate().serialNumber()).isEqualTo("0a02");
	}

	@Test
	void aReissueAfterTheAlertPutsOneUnderWayAndItsRefusalTakesItBack() {
		Order atRisk = after(issued, change(issued, expiring(issued, "0a01", false)));

		Order reissuing = after(atRisk, OrderLifecycle.reissue(atRisk, "NEW-CSR", AT_RISK_AT.plusSeconds(600)));
		assertThat(reissuing.renewalAtRisk()).isEqualTo(new RenewalAtRisk(FIRST_NOT_AFTER, AT_RISK_AT, true));

		Order refused = after(reissuing, new CertificateRejected("domain on a blocklist"));
		assertThat(refused.renewalAtRisk()).isEqualTo(new RenewalAtRisk(FIRST_NOT_AFTER, AT_RISK_AT, false));
	}

	@Test
	void anOrderLeavingIssuedDropsTheRenewalAtRisk() {
		Order submitted = after(
				after(OrderFixtures.placedOrder(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD"))),
				new CertificateSubmitted(CertificateAuthority.DIGICERT, "1"));
		Order cancelling = after(submitted, OrderLifecycle.cancel(submitted, "changed my mind", FIRST_NOT_BEFORE));
		Order issuedMeanwhile = after(cancelling,
				new CertificateIssued("1", "0a01", FIRST_NOT_BEFORE, FIRST_NOT_AFTER, "CN=CA", "pem"));
		Order atRisk = after(issuedMeanwhile, change(issuedMeanwhile, expiring(issuedMeanwhile, "0a01", false)));
		assertThat(atRisk.isRenewalAtRisk()).isTrue();

		Order cancelled = after(atRisk, new CertificateCancelled("revoked", true, "1"));

		assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
		assertThat(cancelled.renewalAtRisk()).isNull();
	}

	private static EventEnvelope expiring(Order order, String serial, boolean reissueUnderway) {
		return new EventEnvelope(java.util.UUID.randomUUID(), "CertificateExpiringUnrenewed", 1, AT_RISK_AT, order.id(),
				order.resellerId(), order.id(),
				new CertificateExpiringUnrenewed(serial, FIRST_NOT_AFTER, PLAN_END, reissueUnderway));
	}

	private static OrderChange change(Order order, EventEnvelope envelope) {
		return ((Outcome.Applied) OrderLifecycle.apply(order, envelope)).change();
	}

	private static CertificateValidationUpdated emailValidation() {
		return new CertificateValidationUpdated("pending", "approval email sent", ValidationStage.DCV_PENDING,
				List.of(new DcvInstruction(DcvMethod.EMAIL, "example.com", "admin@example.com", null)));
	}

	private static OrderChange renewal(Order order) {
		return ((Outcome.Applied) renewalOutcome(order)).change();
	}

	private static Outcome renewalOutcome(Order order) {
		return OrderLifecycle.apply(order,
				new com.rvssl.contracts.EventEnvelope(java.util.UUID.randomUUID(), "CertificateRenewalDue", 1,
						RENEWED_AT, order.id(), order.resellerId(), order.id(),
						new CertificateRenewalDue("0a01", FIRST_NOT_AFTER, PLAN_END)));
	}

	private static CertificateIssued newCertificate() {
		return new CertificateIssued("1", "0a02", RENEWED_AT, PLAN_END, "CN=CA", "new pem");
	}

	private static Order issuedOrder() {
		Order order = after(OrderFixtures.placedOrder(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
		order = after(order, new CertificateSubmitted(CertificateAuthority.DIGICERT, "1"));
		return after(order, new CertificateIssued("1", "0a01", FIRST_NOT_BEFORE, FIRST_NOT_AFTER, "CN=CA", "pem"));
	}

}
