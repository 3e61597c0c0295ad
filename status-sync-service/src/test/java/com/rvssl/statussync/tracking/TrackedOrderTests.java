package com.rvssl.statussync.tracking;

import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.Validation;
import com.rvssl.contracts.events.CertificateIssued;
import com.rvssl.contracts.events.CertificateRejected;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.statussync.gateway.CaOrderStatus;
import com.rvssl.statussync.gateway.CaStatus;
import com.rvssl.statussync.gateway.IssuedCertificate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedOrderTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	@Test
	void theFirstPendingAnswerIsPublishedAsAValidationUpdate() {
		Observation observation = neverChecked()
			.observe(answer(CaOrderStatus.PENDING_VALIDATION, "pending", "email sent"), null);

		assertThat(observation.state()).isEqualTo(TrackingState.OUTSTANDING);
		assertThat(observation.outcome()).isEqualTo(CheckOutcome.UPDATED);
		assertThat(observation.events()).containsExactly(new CertificateValidationUpdated("pending", "email sent"));
	}

	@Test
	void anUnchangedPendingAnswerCausesNoEvent() {
		Observation observation = lastSaid("pending", "email sent")
			.observe(answer(CaOrderStatus.PENDING_VALIDATION, "pending", "email sent"), null);

		assertThat(observation.outcome()).isEqualTo(CheckOutcome.UNCHANGED);
		assertThat(observation.events()).isEmpty();
	}

	@Test
	void aChangedDetailIsPublished() {
		Observation observation = lastSaid("pending", "email sent")
			.observe(answer(CaOrderStatus.PENDING_VALIDATION, "pending", "checking DNS"), null);

		assertThat(observation.events()).containsExactly(new CertificateValidationUpdated("pending", "checking DNS"));
	}

	@Test
	void aNewStageAloneIsPublishedWithItsStage() {
		TrackedOrder documents = lastSaid("pending", "waiting").withLastValidation(ValidationStage.DOCUMENTS_REQUESTED,
				List.of());
		CaStatus call = new CaStatus("order-1", "DIGICERT", "ca-1", CaOrderStatus.PENDING_VALIDATION, "pending",
				"waiting", ValidationStage.VERIFICATION_CALL_PENDING, List.of());

		assertThat(documents.observe(call, null).events()).containsExactly(new CertificateValidationUpdated("pending",
				"waiting", ValidationStage.VERIFICATION_CALL_PENDING, List.of()));
	}

	@Test
	void newDcvInstructionsAloneArePublishedAndTheSameOnesAreNot() {
		DcvInstruction email = new DcvInstruction(DcvMethod.EMAIL, "example.com", "admin@example.com", null);
		DcvInstruction http = new DcvInstruction(DcvMethod.HTTP, "example.com",
				"http://example.com/.well-known/pki-validation/fileauth.txt", "token");
		TrackedOrder byEmail = lastSaid("pending", "waiting").withLastValidation(ValidationStage.DCV_PENDING,
				List.of(email));

		CaStatus nowHttp = new CaStatus("order-1", "DIGICERT", "ca-1", CaOrderStatus.PENDING_VALIDATION, "pending",
				"waiting", ValidationStage.DCV_PENDING, List.of(http));
		CaStatus stillEmail = new CaStatus("order-1", "DIGICERT", "ca-1", CaOrderStatus.PENDING_VALIDATION, "pending",
				"waiting", ValidationStage.DCV_PENDING, List.of(email));

		assertThat(byEmail.observe(nowHttp, null).events()).containsExactly(
				new CertificateValidationUpdated("pending", "waiting", ValidationStage.DCV_PENDING, List.of(http)));
		assertThat(byEmail.observe(stillEmail, null).outcome()).isEqualTo(CheckOutcome.UNCHANGED);
	}

	@Test
	void issuanceFinishesTheOrderWithTheCertificate() {
		IssuedCertificate certificate = new IssuedCertificate("0a1b", NOW, NOW.plusSeconds(86_400), "CN=Sandbox",
				"-----BEGIN CERTIFICATE-----\n...");

		Observation observation = lastSaid("pending", "email sent")
			.observe(answer(CaOrderStatus.ISSUED, "issued", null), certificate);

		assertThat(observation.state()).isEqualTo(TrackingState.DONE);
		assertThat(observation.events()).containsExactly(new CertificateIssued("ca-1", "0a1b", NOW,
				NOW.plusSeconds(86_400), "CN=Sandbox", "-----BEGIN CERTIFICATE-----\n..."));
	}

	@Test
	void rejectionFinishesTheOrderWithTheCasReason() {
		Observation observation = neverChecked().observe(answer(CaOrderStatus.REJECTED, "rejected", "blocklisted"),
				null);

		assertThat(observation.state()).isEqualTo(TrackingState.DONE);
		assertThat(observation.events()).containsExactly(new CertificateRejected("blocklisted"));
	}

	@Test
	void cancellationAtTheCaStopsTheOrderSilently() {
		Observation observation = neverChecked().observe(answer(CaOrderStatus.CANCELLED, "canceled", null), null);

		assertThat(observation.state()).isEqualTo(TrackingState.STOPPED);
		assertThat(observation.events()).isEmpty();
	}

	private static TrackedOrder neverChecked() {
		return lastSaid(null, null);
	}

	@Test
	void afterAReissueOnlyACertificateWithANewSerialCountsAsIssued() {
		TrackedOrder reopened = new TrackedOrder("order-1", "reseller-1", "corr-1", CertificateAuthority.DIGICERT,
				"ca-1", TrackingState.OUTSTANDING, CaOrderStatus.ISSUED, "issued", null, NOW, NOW, 3, 0, null, null,
				null, List.of(), List.of(), Validation.DV, NOW, null, NOW.plusSeconds(86_400), "0A1B");
		IssuedCertificate old = new IssuedCertificate("0a1b", NOW, NOW.plusSeconds(86_400), "CN=Sandbox", "old");
		IssuedCertificate replacement = new IssuedCertificate("0c2d", NOW, NOW.plusSeconds(86_400), "CN=Sandbox",
				"new");

		Observation stillOld = reopened.observe(answer(CaOrderStatus.ISSUED, "issued", null), old);
		Observation renewed = reopened.observe(answer(CaOrderStatus.ISSUED, "issued", null), replacement);

		assertThat(stillOld.state()).isEqualTo(TrackingState.OUTSTANDING);
		assertThat(stillOld.events()).isEmpty();
		assertThat(renewed.state()).isEqualTo(TrackingState.DONE);
		assertThat(renewed.events())
			.containsExactly(new CertificateIssued("ca-1", "0c2d", NOW, NOW.plusSeconds(86_400), "CN=Sandbox", "new"));
	}

	private static TrackedOrder lastSaid(String caStatus, String detail) {
		CaOrderStatus status = (caStatus != null) ? CaOrderStatus.PENDING_VALIDATION : null;
		return new TrackedOrder("order-1", "reseller-1", "corr-1", CertificateAuthority.DIGICERT, "ca-1",
				TrackingState.OUTSTANDING, status, caStatus, detail, NOW, NOW, 0, 0, null, null, null, List.of(),
				List.of(), Validation.DV, NOW, null, null, null);
	}

	private static CaStatus answer(CaOrderStatus status, String caStatus, String detail) {
		return new CaStatus("order-1", "DIGICERT", "ca-1", status, caStatus, detail);
	}

}
