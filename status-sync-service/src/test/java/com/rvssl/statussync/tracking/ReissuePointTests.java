package com.rvssl.statussync.tracking;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReissuePointTests {

	private static final Instant NOT_BEFORE = Instant.parse("2026-04-10T00:00:00Z");

	@Test
	void aCertificateIsDueForItsSuccessorTwoThirdsIntoItsLifetimeByDefault() {
		ReissuePoint point = new ReissuePoint(ReissuePoint.DEFAULT_FRACTION);

		Instant due = point.of(NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(199)));

		assertThat(Duration.between(NOT_BEFORE, due))
			.isEqualTo(Duration.ofMillis(Math.round(199 * 86_400_000L * 0.667)));
		assertThat(due).isBetween(NOT_BEFORE.plus(Duration.ofDays(132)), NOT_BEFORE.plus(Duration.ofDays(133)));
	}

	@Test
	void theFractionIsConfigurable() {
		assertThat(new ReissuePoint(0.5).of(NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(100))))
			.isEqualTo(NOT_BEFORE.plus(Duration.ofDays(50)));
	}

	@Test
	void aFractionOutsideTheLifetimeIsRefused() {
		assertThatThrownBy(() -> new ReissuePoint(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReissuePoint(1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReissuePoint(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
	}

}
