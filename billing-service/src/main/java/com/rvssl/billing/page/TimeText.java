package com.rvssl.billing.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times and durations as a reseller reads them: "2026-11-26 12:00 UTC", "30 minutes", "8
 * hours".
 */
final class TimeText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private TimeText() {
	}

	static String of(Instant instant) {
		return TIME.format(instant);
	}

	/** Whole hours in hours, anything else in minutes. */
	static String of(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes >= 60 && minutes % 60 == 0) {
			long hours = minutes / 60;
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

}
