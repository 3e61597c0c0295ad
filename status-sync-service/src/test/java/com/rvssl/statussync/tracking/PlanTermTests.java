package com.rvssl.statussync.tracking;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTermTests {

	private static final Instant FIRST_NOT_BEFORE = Instant.parse("2026-04-10T08:30:00Z");

	@Test
	void aPlanEndsItsTermInCalendarMonthsAfterTheFirstCertificateInUtc() {
		assertThat(PlanTerm.of(FIRST_NOT_BEFORE, 12).end()).isEqualTo(Instant.parse("2027-04-10T08:30:00Z"));
		assertThat(PlanTerm.of(FIRST_NOT_BEFORE, 24).end()).isEqualTo(Instant.parse("2028-04-10T08:30:00Z"));
	}

	@Test
	void aMonthEndKeepsToTheLastDayOfAShorterMonth() {
		assertThat(PlanTerm.of(Instant.parse("2027-01-31T12:00:00Z"), 1).end())
			.isEqualTo(Instant.parse("2027-02-28T12:00:00Z"));
		assertThat(PlanTerm.of(Instant.parse("2027-03-31T12:00:00Z"), 11).end())
			.isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
	}

	@Test
	void aPlanLastsAtLeastAMonth() {
		assertThatThrownBy(() -> PlanTerm.of(FIRST_NOT_BEFORE, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCertificateOf199DaysInATwelveMonthPlanNeedsASuccessor() {
		PlanTerm plan = PlanTerm.of(FIRST_NOT_BEFORE, 12);
		Instant notAfter = FIRST_NOT_BEFORE.plus(Duration.ofDays(199));

		assertThat(plan.needsAnotherCertificateAfter(notAfter)).isTrue();
		assertThat(plan.isLastCertificate(notAfter)).isFalse();
	}

	@Test
	void theCertificateCappedAtThePlanEndIsTheLast() {
		PlanTerm plan = PlanTerm.of(FIRST_NOT_BEFORE, 12);

		assertThat(plan.isLastCertificate(plan.end())).isTrue();
		assertThat(plan.isLastCertificate(plan.end().minus(Duration.ofHours(23)))).isTrue();
		assertThat(plan.isLastCertificate(plan.end().plus(Duration.ofDays(3)))).isTrue();
	}

	@Test
	void aCertificateEndingMoreThanADayBeforeThePlanIsNotTheLast() {
		PlanTerm plan = PlanTerm.of(FIRST_NOT_BEFORE, 12);

		assertThat(plan.isLastCertificate(plan.end().minus(Duration.ofDays(1)).minusSeconds(1))).isFalse();
	}

}
