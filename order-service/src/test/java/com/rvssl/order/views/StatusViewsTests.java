package com.rvssl.order.views;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.order.orders.ValidationProgress;
import com.rvssl.order.orders.CertificateSummary;
import com.rvssl.order.orders.Order;
import com.rvssl.order.orders.OrderState;
import com.rvssl.order.orders.PaymentShortfall;
import com.rvssl.order.support.OrderFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class StatusViewsTests {

	@Test
	void waitingForPaymentReadsExactlyAsTheContractSays() {
		Order waiting = with(OrderState.WAITING_FOR_PAYMENT, null, null,
				new PaymentShortfall(Money.of(900, "USD"), Money.of(250, "USD")));
		Views views = StatusViews.of(waiting);
		assertThat(views.client().status()).isEqualTo("Waiting Submit Order");
		assertThat(views.admin().status()).isEqualTo("Waiting for Payment on RVglobalsoft.com");
		assertThat(views.provider().status()).isEqualTo("Waiting for Payment");
		assertThat(views.admin().detail()).contains("USD 6.50");
		assertThat(views.client().detail()).doesNotContain("credit").doesNotContain("USD");
	}

	@Test
	void anIssuedOrderIsCompleteForTheProvider() {
		Order issued = with(OrderState.ISSUED, new CertificateSummary("ab", Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2027-01-01T00:00:00Z"), "CN=CA"), null, null);
		Views views = StatusViews.of(issued);
		assertThat(views.provider().status()).isEqualTo("Complete");
		assertThat(views.client().status()).isEqualTo("Issued");
		assertThat(views.admin().status()).isEqualTo("Active");
		assertThat(views.admin().detail()).contains("2027-01-01");
	}

	@Test
	void aRejectionShowsTheCasReason() {
		Order rejected = with(OrderState.REJECTED, null, "domain on a blocklist", null);
		assertThat(StatusViews.of(rejected).admin().detail()).contains("domain on a blocklist");
		assertThat(StatusViews.of(rejected).client().status()).isEqualTo("Rejected");
	}

	@Test
	void pendingValidationTellsWhichEmailMustApprove() {
		Order pending = with(OrderState.PENDING_VALIDATION, null, null, null);
		assertThat(StatusViews.of(pending).client().detail()).contains("admin@example.com");
	}

	@Test
	void pendingValidationByHttpTellsTheClientWhichFileToPublish() {
		Order pending = validating(new ValidationProgress(ValidationStage.DCV_PENDING, List.of(
				new DcvInstruction(DcvMethod.HTTP, "example.com",
						"http://example.com/.well-known/pki-validation/ABC.txt", "HASH\nsectigo.com\norder-1"),
				new DcvInstruction(DcvMethod.HTTP, "www.example.com",
						"http://www.example.com/.well-known/pki-validation/ABC.txt", "HASH\nsectigo.com\norder-1")),
				"Waiting for the validation file"));
		Views views = StatusViews.of(pending);
		assertThat(views.client().detail())
			.isEqualTo("Publish the file http://example.com/.well-known/pki-validation/ABC.txt"
					+ " containing \"HASH / sectigo.com / order-1\". Do the same for 1 more domain (see the validation details).");
		assertThat(views.admin().detail()).isEqualTo("Waiting for the validation file");
	}

	@Test
	void pendingValidationByDnsTellsTheClientWhichRecordToAdd() {
		Order pending = validating(new ValidationProgress(ValidationStage.DCV_PENDING,
				List.of(new DcvInstruction(DcvMethod.DNS, "example.com", "_dnsauth.example.com", "token")), "waiting"));
		assertThat(StatusViews.of(pending).client().detail())
			.isEqualTo("Add the DNS record _dnsauth.example.com with the value token.");
	}

	@ParameterizedTest
	@EnumSource(value = ValidationStage.class,
			names = { "DOCUMENTS_REQUESTED", "VERIFICATION_CALL_PENDING", "UNDER_REVIEW" })
	void organisationStagesAreSaidInWordsToTheClient(ValidationStage stage) {
		String detail = StatusViews.of(validating(new ValidationProgress(stage, List.of(), "CA words")))
			.client()
			.detail();
		assertThat(detail).contains(switch (stage) {
			case DOCUMENTS_REQUESTED -> "documents";
			case VERIFICATION_CALL_PENDING -> "call";
			default -> "reviewing";
		});
	}

	private static Order validating(ValidationProgress progress) {
		Order o = with(OrderState.PENDING_VALIDATION, null, null, null);
		return new Order(o.id(), o.resellerId(), o.productCode(), o.ca(), o.caProduct(), o.validation(),
				o.productType(), o.termMonths(), o.domains(), o.whmcsServiceId(), o.customer(), o.csr(), o.dcv(),
				o.organization(), o.mode(), o.price(), o.state(), o.caOrderId(), null, o.pemChain(), null, "pending",
				progress.detail(), o.failureReason(), null, o.cancellationReason(), o.createdAt(), o.updatedAt(),
				o.timeline(), o.appliedEventIds(), o.outbox(), o.idempotencyKey(), o.requestHash(), o.version(),
				progress);
	}

	@ParameterizedTest
	@EnumSource(OrderState.class)
	void everyStateHasThreeViewsWithStatusAndDetail(OrderState state) {
		Views views = StatusViews.of(with(state, null, null, null));
		for (View view : new View[] { views.client(), views.admin(), views.provider() }) {
			assertThat(view.status()).isNotBlank();
			assertThat(view.detail()).isNotBlank();
		}
	}

	private static Order with(OrderState state, CertificateSummary certificate, String rejection,
			PaymentShortfall shortfall) {
		Order o = OrderFixtures.placedOrder();
		return new Order(o.id(), o.resellerId(), o.productCode(), o.ca(), o.caProduct(), o.validation(),
				o.productType(), o.termMonths(), o.domains(), o.whmcsServiceId(), o.customer(), o.csr(), o.dcv(),
				o.organization(), o.mode(), o.price(), state, o.caOrderId(), certificate, o.pemChain(), shortfall,
				o.validationStatus(), o.validationDetail(), o.failureReason(), rejection, o.cancellationReason(),
				o.createdAt(), o.updatedAt(), o.timeline(), o.appliedEventIds(), o.outbox(), o.idempotencyKey(),
				o.requestHash(), o.version());
	}

}
