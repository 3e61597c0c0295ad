package com.rvssl.billing.orderstatus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderStatusTests {

	@Test
	void theWordsAreOrderServicesProviderView() {
		assertThat(ProviderStatus.WAITING_FOR_PAYMENT.words()).isEqualTo("Waiting for Payment");
		assertThat(ProviderStatus.COMPLETE.words()).isEqualTo("Complete");
		assertThat(ProviderStatus.PENDING_VALIDATION.words()).isEqualTo("Pending Validation");
	}

	@Test
	void aStatusMovesForwardOnly() {
		assertThat(ProviderStatus.WAITING_FOR_PAYMENT.mayBecome(ProviderStatus.PAID)).isTrue();
		assertThat(ProviderStatus.PAID.mayBecome(ProviderStatus.WAITING_FOR_PAYMENT)).isFalse();
		assertThat(ProviderStatus.SUBMITTED.mayBecome(ProviderStatus.SUBMISSION_RETRYING)).isFalse();
		assertThat(ProviderStatus.PENDING_VALIDATION.mayBecome(ProviderStatus.PENDING_VALIDATION)).isTrue();
		assertThat(ProviderStatus.PAID.mayBecome(ProviderStatus.PAID)).isFalse();
	}

	@Test
	void aFinalStatusNeverChanges() {
		assertThat(ProviderStatus.COMPLETE.mayBecome(ProviderStatus.CANCELLED)).isFalse();
		assertThat(ProviderStatus.CANCELLED.mayBecome(ProviderStatus.COMPLETE)).isFalse();
		assertThat(ProviderStatus.REJECTED.mayBecome(ProviderStatus.REJECTED)).isFalse();
	}

}
