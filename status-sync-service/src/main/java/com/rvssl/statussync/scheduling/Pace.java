package com.rvssl.statussync.scheduling;

import java.time.Duration;

import com.rvssl.contracts.Validation;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How checks of one order thin out while it waits at its CA. A DV order is checked at the
 * CA's minimum interval during {@code fastPeriod} after its submission (or after a DCV
 * resend or reissue nudged it): that is when a customer clicks the approval link. After
 * that the interval grows with the time already waited ({@code growth} of it: with 0.1,
 * an order waiting for ten hours is checked hourly), up to {@code maxInterval}. OV and EV
 * orders wait for people (documents, a phone call), so they start
 * {@code organizationSlowdown} times slower and may back off to
 * {@code organizationMaxInterval}. The CA's minimum always wins over every other number.
 */
public record Pace(@DefaultValue("PT10M") Duration fastPeriod, @DefaultValue("0.1") double growth,
		@DefaultValue("PT1H") Duration maxInterval, @DefaultValue("5") int organizationSlowdown,
		@DefaultValue("PT4H") Duration organizationMaxInterval) {

	/**
	 * The wait before the next check of an order that has waited {@code age} since
	 * submission or its last nudge.
	 */
	public Duration interval(Duration caMinimum, Validation validation, Duration age) {
		boolean organization = validation == Validation.OV || validation == Validation.EV;
		Duration positiveAge = age.isNegative() ? Duration.ZERO : age;
		Duration interval = caMinimum;
		if (positiveAge.compareTo(fastPeriod) > 0) {
			Duration grown = Duration.ofMillis((long) (positiveAge.minus(fastPeriod).toMillis() * growth));
			interval = longer(interval, grown);
		}
		if (organization) {
			interval = interval.multipliedBy(Math.max(organizationSlowdown, 1));
		}
		Duration cap = organization ? organizationMaxInterval : maxInterval;
		return longer(shorter(interval, cap), caMinimum);
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static Duration shorter(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
