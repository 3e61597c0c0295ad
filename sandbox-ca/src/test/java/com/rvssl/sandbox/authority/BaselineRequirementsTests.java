package com.rvssl.sandbox.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schedule of ballot SC-081v3 at each change: the last second of the day before and
 * the first second of the day itself, in UTC.
 */
class BaselineRequirementsTests {

	@ParameterizedTest(name = "at {0}: validity {1} days, domain validation reused for {2} days")
	@CsvSource({ "2026-03-14T23:59:59Z, 397, 398", "2026-03-15T00:00:00Z, 199, 200", "2027-03-14T23:59:59Z, 199, 200",
			"2027-03-15T00:00:00Z, 99, 100", "2029-03-14T23:59:59Z, 99, 100", "2029-03-15T00:00:00Z, 46, 10",
			"2040-01-01T00:00:00Z, 46, 10", "2020-09-01T00:00:00Z, 397, 398" })
	void theLimitsAreThoseInForceOnTheUtcDayOfIssuance(Instant issuedAt, long validityDays, long reuseDays) {
		assertThat(BaselineRequirements.longestValidity(issuedAt)).isEqualTo(Duration.ofDays(validityDays));
		assertThat(BaselineRequirements.domainValidationReuse(issuedAt)).isEqualTo(Duration.ofDays(reuseDays));
	}

	@ParameterizedTest(name = "at {0}: the cap is {1} days")
	@CsvSource({ "2026-03-15T00:00:00Z, 200", "2027-03-15T00:00:00Z, 100", "2029-03-15T00:00:00Z, 47" })
	void theSandboxIssuesOneDayUnderTheCap(Instant issuedAt, int cap) {
		BaselineRequirements.Limits limits = BaselineRequirements.at(issuedAt);
		assertThat(limits.maximumValidityDays()).isEqualTo(cap);
		assertThat(limits.longestValidity()).isEqualTo(Duration.ofDays(cap - 1));
	}

	@Test
	void organisationValidationIsReusedFor398Days() {
		assertThat(BaselineRequirements.ORGANISATION_VALIDATION_REUSE).isEqualTo(Duration.ofDays(398));
	}

}
