package com.rvssl.gateway.submission;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SubmissionPropertiesTests {

	private final SubmissionProperties properties = new SubmissionProperties(2, Duration.ofMillis(500),
			Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(2), 50,
			Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofSeconds(30));

	@Test
	void theWaitBeforeAReattemptDoublesWithEachAttempt() {
		assertThat(properties.reattemptDelay(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.reattemptDelay(2)).isEqualTo(Duration.ofSeconds(4));
		assertThat(properties.reattemptDelay(3)).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void anAttemptDeadlineLongerThanHalfTheClaimIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SubmissionProperties(2, Duration.ofMillis(500), Duration.ofSeconds(4),
					Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(2), 50, Duration.ofSeconds(61),
					Duration.ofMinutes(10), Duration.ofSeconds(30)))
			.withMessageContaining("attempt-deadline");
	}

	@Test
	void theWaitBeforeAReattemptNeverExceedsTheCap() {
		assertThat(properties.reattemptDelay(6)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.reattemptDelay(1000)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aReattemptAfterAnUnansweredPlaceWaitsAtLeastForThePlaceToHaveBeenCarriedOut() {
		assertThat(properties.reattemptDelayAfterUnansweredPlace(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.reattemptDelayAfterUnansweredPlace(5)).isEqualTo(Duration.ofSeconds(32));
		assertThat(properties.reattemptDelayAfterUnansweredPlace(1000)).isEqualTo(Duration.ofMinutes(1));
	}

}
