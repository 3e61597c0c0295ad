package com.rvssl.statussync.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Validation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckScheduleTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	/**
	 * DV at the minimum for 10 minutes, then a tenth of the time waited, at most hourly;
	 * OV/EV 5x slower, at most 4 h.
	 */
	private static final Pace PACE = new Pace(Duration.ofMinutes(10), 0.1, Duration.ofHours(1), 5, Duration.ofHours(4));

	private final CheckSchedule schedule = new CheckSchedule(
			Map.of("digicert", Duration.ofSeconds(2), "sectigo", Duration.ofHours(3)), Duration.ofMinutes(1),
			Duration.ofSeconds(2), Duration.ofMinutes(5), PACE);

	@Test
	void firstCheckWaitsTheCasMinimumIntervalAfterTheSubmission() {
		assertThat(schedule.firstCheck(CertificateAuthority.DIGICERT, NOW)).isEqualTo(NOW.plusSeconds(2));
		assertThat(schedule.firstCheck(CertificateAuthority.SECTIGO, NOW)).isEqualTo(NOW.plus(Duration.ofHours(3)));
	}

	@Test
	void nextCheckAfterAnAnswerWaitsTheCasMinimumInterval() {
		assertThat(schedule.afterAnswer(CertificateAuthority.DIGICERT, Validation.DV, NOW, NOW))
			.isEqualTo(NOW.plusSeconds(2));
		assertThat(schedule.afterAnswer(CertificateAuthority.SECTIGO, Validation.DV, NOW, NOW))
			.isEqualTo(NOW.plus(Duration.ofHours(3)));
	}

	@Test
	void aPushingCasSilenceWindowHoldsPollingOffUntilTheCaHasBeenSilentThatLongPerValidationLevel() {
		CheckSchedule pushing = new CheckSchedule(Map.of("digicert", Duration.ofSeconds(2)), Duration.ofMinutes(1),
				Duration.ofSeconds(2), Duration.ofMinutes(5), PACE,
				Map.of("digicert", Map.of("dv", Duration.ofMinutes(15), "ov", Duration.ofHours(6))));

		assertThat(pushing.firstCheck(CertificateAuthority.DIGICERT, Validation.DV, NOW))
			.isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(pushing.afterAnswer(CertificateAuthority.DIGICERT, Validation.DV, NOW, NOW))
			.isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(pushing.afterAnswer(CertificateAuthority.DIGICERT, Validation.OV, NOW, NOW))
			.isEqualTo(NOW.plus(Duration.ofHours(6)));
		// the pace still wins once it is slower than the window
		assertThat(
				pushing.afterAnswer(CertificateAuthority.DIGICERT, Validation.DV, NOW.minus(Duration.ofHours(20)), NOW))
			.isEqualTo(NOW.plus(Duration.ofHours(1)));
		// no window for EV, nor for a CA without one: the pace alone
		assertThat(pushing.afterAnswer(CertificateAuthority.DIGICERT, Validation.EV, NOW, NOW))
			.isEqualTo(NOW.plusSeconds(10));
		assertThat(pushing.firstCheck(CertificateAuthority.SECTIGO, Validation.DV, NOW))
			.isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		// a DCV resend or reissue still looks soon
		assertThat(pushing.afterNudge(CertificateAuthority.DIGICERT, NOW)).isEqualTo(NOW.plusSeconds(2));
	}

	@Test
	void aCaWithoutItsOwnIntervalGetsTheDefault() {
		CheckSchedule onlyDigicert = new CheckSchedule(Map.of("digicert", Duration.ofSeconds(2)), Duration.ofMinutes(1),
				Duration.ofSeconds(2), Duration.ofMinutes(5), PACE);

		assertThat(onlyDigicert.afterAnswer(CertificateAuthority.SECTIGO, Validation.DV, NOW, NOW))
			.isEqualTo(NOW.plus(Duration.ofMinutes(1)));
	}

	@Test
	void sectigoKeepsTheVendorsThreeHoursUnlessConfiguredOtherwise() {
		SyncProperties nothingSaid = new SyncProperties(Duration.ofSeconds(1), 100, 8, Duration.ofSeconds(30),
				Map.of("digicert", Duration.ofSeconds(2)), Duration.ofMinutes(1), Duration.ofSeconds(2),
				Duration.ofMinutes(5), PACE, "test", Duration.ofHours(6), null);
		SyncProperties configured = new SyncProperties(Duration.ofSeconds(1), 100, 8, Duration.ofSeconds(30),
				Map.of("sectigo", Duration.ofHours(4)), Duration.ofMinutes(1), Duration.ofSeconds(2),
				Duration.ofMinutes(5), PACE, "test", Duration.ofHours(6), null);

		assertThat(CheckSchedule.of(nothingSaid).minInterval(CertificateAuthority.SECTIGO))
			.isEqualTo(Duration.ofHours(3));
		assertThat(CheckSchedule.of(nothingSaid).afterAnswer(CertificateAuthority.SECTIGO, Validation.DV, NOW, NOW))
			.isEqualTo(NOW.plus(Duration.ofHours(3)));
		assertThat(CheckSchedule.of(configured).minInterval(CertificateAuthority.SECTIGO))
			.isEqualTo(Duration.ofHours(4));
	}

	@Test
	void theSchedulePromisesToSeeAChangeWithinTheOrdersCurrentIntervalAndOnePoll() {
		SyncProperties properties = new SyncProperties(Duration.ofSeconds(1), 100, 8, Duration.ofSeconds(30),
				Map.of("digicert", Duration.ofSeconds(2)), Duration.ofMinutes(1), Duration.ofSeconds(2),
				Duration.ofMinutes(5), PACE, "test", Duration.ofHours(6), null);

		SchedulePromise young = SchedulePromise.of("o-1", CertificateAuthority.DIGICERT, Validation.OV,
				Duration.ofMinutes(1), properties);
		SchedulePromise old = SchedulePromise.of("o-1", CertificateAuthority.DIGICERT, Validation.DV,
				Duration.ofHours(3), properties);

		assertThat(young.currentInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(young.changeSeenWithin()).isEqualTo(Duration.ofSeconds(11));
		assertThat(old.changeSeenWithin()).isEqualTo(Duration.ofMinutes(17).plusSeconds(1));
	}

	@Test
	void gatewayFailuresBackOffExponentiallyUpToTheCap() {
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 1, NOW)).isEqualTo(NOW.plusSeconds(2));
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 2, NOW)).isEqualTo(NOW.plusSeconds(4));
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 4, NOW)).isEqualTo(NOW.plusSeconds(16));
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 9, NOW))
			.isEqualTo(NOW.plus(Duration.ofMinutes(5)));
		assertThat(schedule.afterGatewayError(CertificateAuthority.DIGICERT, 1_000, NOW))
			.isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void backOffNeverChecksSoonerThanTheCasMinimumInterval() {
		assertThat(schedule.afterGatewayError(CertificateAuthority.SECTIGO, 1, NOW))
			.isEqualTo(NOW.plus(Duration.ofHours(3)));
	}

	@Test
	void aDvOrderIsCheckedAtTheCasMinimumDuringItsFirstMinutes() {
		assertThat(intervalAfter(Validation.DV, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
		assertThat(intervalAfter(Validation.DV, Duration.ofMinutes(9))).isEqualTo(Duration.ofSeconds(2));
		assertThat(intervalAfter(Validation.DV, Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aDvOrderStillWaitingIsCheckedLessAndLessOftenUpToHourly() {
		assertThat(intervalAfter(Validation.DV, Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(1));
		assertThat(intervalAfter(Validation.DV, Duration.ofMinutes(110))).isEqualTo(Duration.ofMinutes(10));
		assertThat(intervalAfter(Validation.DV, Duration.ofHours(10))).isEqualTo(Duration.ofMinutes(59));
		assertThat(intervalAfter(Validation.DV, Duration.ofHours(11))).isEqualTo(Duration.ofHours(1));
		assertThat(intervalAfter(Validation.DV, Duration.ofDays(30))).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void organizationValidatedOrdersAreCheckedMoreSlowlyThroughout() {
		assertThat(intervalAfter(Validation.OV, Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
		assertThat(intervalAfter(Validation.EV, Duration.ofMinutes(110))).isEqualTo(Duration.ofMinutes(50));
		assertThat(intervalAfter(Validation.OV, Duration.ofDays(30))).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void theCasMinimumWinsOverTheFastPace() {
		assertThat(schedule.afterAnswer(CertificateAuthority.SECTIGO, Validation.DV, NOW, NOW))
			.isEqualTo(NOW.plus(Duration.ofHours(3)));
		assertThat(
				schedule.afterAnswer(CertificateAuthority.SECTIGO, Validation.DV, NOW.minus(Duration.ofDays(30)), NOW))
			.as("the hourly cap may not undercut Sectigo's three hours")
			.isEqualTo(NOW.plus(Duration.ofHours(3)));
		assertThat(
				schedule.afterAnswer(CertificateAuthority.SECTIGO, Validation.EV, NOW.minus(Duration.ofDays(9)), NOW))
			.isEqualTo(NOW.plus(Duration.ofHours(4)));
	}

	@Test
	void aNudgeBringsTheNextCheckBackToTheCasMinimum() {
		assertThat(schedule.afterNudge(CertificateAuthority.DIGICERT, NOW)).isEqualTo(NOW.plusSeconds(2));
		// the pace counts from the nudge: an old order nudged a minute ago is fast again
		assertThat(schedule.afterAnswer(CertificateAuthority.DIGICERT, Validation.DV, NOW.minusSeconds(60), NOW))
			.isEqualTo(NOW.plusSeconds(2));
	}

	@Test
	void anAnswerWithoutAKnownStartUsesTheFastPace() {
		assertThat(schedule.afterAnswer(CertificateAuthority.DIGICERT, null, null, NOW)).isEqualTo(NOW.plusSeconds(2));
	}

	private Duration intervalAfter(Validation validation, Duration waited) {
		return Duration.between(NOW,
				schedule.afterAnswer(CertificateAuthority.DIGICERT, validation, NOW.minus(waited), NOW));
	}

}
