package com.rvssl.statussync.expiry;

import java.util.List;

/**
 * Which renewal reminder an issued certificate is owed: 30, 7 and 1 days before it
 * expires, each once. A certificate that already has less time left than a reminder's day
 * (issued late, or the sweep was away) gets only the nearest reminder that still applies,
 * never a late "30 days" after the "7 days" one: recording a reminder records every
 * farther one with it.
 */
final class RenewalReminders {

	/** Nearest first: the sweep looks for the nearest owed reminder first. */
	static final List<Integer> DAYS_BEFORE_EXPIRY = List.of(1, 7, 30);

	private RenewalReminders() {
	}

	/**
	 * The reminders a reminder {@code days} before expiry makes pointless, itself
	 * included.
	 */
	static List<Integer> coveredBy(int days) {
		return DAYS_BEFORE_EXPIRY.stream().filter(threshold -> threshold >= days).toList();
	}

}
