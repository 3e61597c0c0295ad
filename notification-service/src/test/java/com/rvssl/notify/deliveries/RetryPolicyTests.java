package com.rvssl.notify.deliveries;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(10), Duration.ofSeconds(30));

	@Test
	void waitsLongerAfterEachFailureUpToTheCap() {
		assertThat(policy.nextAttempt(1, NOW)).isEqualTo(NOW.plusSeconds(10));
		assertThat(policy.nextAttempt(2, NOW)).isEqualTo(NOW.plusSeconds(20));
		assertThat(policy.nextAttempt(3, NOW)).isEqualTo(NOW.plusSeconds(30));
		assertThat(policy.nextAttempt(200, NOW)).isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void givesUpAfterTheLastAllowedAttempt() {
		assertThat(policy.exhausted(3)).isFalse();
		assertThat(policy.exhausted(4)).isTrue();
	}

	@Test
	void aDeliveryIdDependsOnEventChannelAndRecipientOnly() {
		String id = Delivery.idOf("event-1", DeliveryChannel.EMAIL, "Ann@Example.com");

		assertThat(Delivery.idOf("event-1", DeliveryChannel.EMAIL, "ann@example.com ")).isEqualTo(id);
		assertThat(Delivery.idOf("event-2", DeliveryChannel.EMAIL, "ann@example.com")).isNotEqualTo(id);
		assertThat(Delivery.idOf("event-1", DeliveryChannel.WEBHOOK, "ann@example.com")).isNotEqualTo(id);
		assertThat(Delivery.idOf("event-1", DeliveryChannel.EMAIL, "bob@example.com")).isNotEqualTo(id);
	}

}
