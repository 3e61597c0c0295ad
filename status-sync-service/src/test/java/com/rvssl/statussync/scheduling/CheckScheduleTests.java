package com.rvssl.statussync.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.rvssl.contracts.CertificateAuthority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckScheduleTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private final CheckSchedule schedule = new CheckSchedule(
			Map.of("digicert", Duration.ofSeconds(2), "sectigo", Duration.ofHours(3)), Duration.ofMinutes(1),
			Duration.ofSeconds(2), Duration.ofMinutes(5));

	@Test
	void firstCheckWaitsTheCasMinimumIntervalAfterTheSubmission() {
		assertThat(schedule.firstCheck(CertificateAuthority.DIGICERT, NOW)).isEqualTo(NOW.plusSeconds(2));
		assertThat(schedule.firstCheck(CertificateAuthority.SECTIGO, NOW)).isEqualTo(NOW.plus(Duration.ofHours(3)));
	}

	@Test
	void nextCheckAfterAnAnswerWaitsTheCasMinimumInterval() {
		assertThat(schedule.afterAnswer(CertificateAuthority.DIGICERT, NOW)).isEqualTo(NOW.plusSeconds(2));
		assertThat(schedule.afterAnswer(CertificateAuthority.SECTIGO, NOW)).isEqualTo(NOW.plus(Duration.ofHours(3)));
	}

	@Test
	void aCaWithoutItsOwnIntervalGetsTheDefault() {
		CheckSchedule onlyDigicert = new CheckSchedule(Map.of("digicert", Duration.ofSeconds(2)),
				Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofMinutes(5));

		assertThat(onlyDigicert.afterAnswer(CertificateAuthority.SECTIGO, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
	}

	@Test
	void gatewayFailuresBackOffExponentiallyUpToTheCap() {
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 1, NOW)).isEqualTo(NOW.plusSeconds(2));
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 2, NOW)).isEqualTo(NOW.plusSeconds(4));
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 4, NOW)).isEqualTo(NOW.plusSeconds(16));
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 9, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 1_000, NOW))
			.isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void backOffNeverChecksSoonerThanTheCasMinimumInterval() {
		assertThat(schedule.afterGatewayError(CertificateAuthority.SECTIGO, 1, NOW)).isEqualTo(NOW.plus(Duration.ofHours(3)));
	}

}
