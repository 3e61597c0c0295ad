package com.rvssl.gateway.adapters.digicert;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.gateway.adapters.CaOrderStatus;
import com.rvssl.gateway.adapters.CaOrderStatus.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigicertStatusTests {

	private static final Dcv EMAIL = new Dcv(DcvMethod.EMAIL, "admin@example.com");

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "needs_approval, PENDING_VALIDATION", "pending, PENDING_VALIDATION",
			"waiting_pickup, PENDING_VALIDATION", "reissue_pending, PENDING_VALIDATION", "issued, ISSUED",
			"rejected, REJECTED", "canceled, CANCELLED", "revoked, CANCELLED", "expired, CANCELLED" })
	void everyDigicertStatusMapsToOurState(String caStatus, State expected) {
		CaOrderStatus status = DigicertStatus.of(caStatus, null, "example.com", EMAIL);

		assertThat(status.state()).isEqualTo(expected);
		assertThat(status.caStatus()).isEqualTo(caStatus);
	}

	@Test
	void anOrderAwaitingEmailApprovalSaysWhoMustApprove() {
		assertThat(DigicertStatus.of("needs_approval", null, "example.com", EMAIL).detail())
			.isEqualTo("Waiting for admin@example.com to approve");
	}

	@Test
	void anOrderAwaitingDnsValidationNamesTheDomain() {
		assertThat(DigicertStatus.of("pending", null, "example.com", new Dcv(DcvMethod.DNS, null)).detail())
			.isEqualTo("Waiting for the DNS TXT record on example.com");
	}

	@Test
	void aRejectedOrderCarriesTheRejectionReason() {
		CaOrderStatus status = DigicertStatus.of("rejected", "Domain on a blocklist", "example.com", EMAIL);

		assertThat(status.detail()).isEqualTo("Domain on a blocklist");
	}

	@Test
	void anUnknownStatusKeepsTheOrderPendingRatherThanClosingIt() {
		CaOrderStatus status = DigicertStatus.of("something_new", null, "example.com", EMAIL);

		assertThat(status.state()).isEqualTo(State.PENDING_VALIDATION);
		assertThat(status.caStatus()).isEqualTo("something_new");
	}

}
