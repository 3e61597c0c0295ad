package com.rvssl.gateway.adapters;

/**
 * What a CA call is for, which decides how it draws on the CA's budget
 * ({@link CaBudget}).
 */
public enum CallPriority {

	/** Placing an order, and the search by reference that settles one. */
	SUBMISSION(true),

	/**
	 * DCV changes and resends, reissues, cancels: applied once from an event and not
	 * asked again on failure, so they queue like submissions.
	 */
	CHANGE(true),

	/**
	 * Status reads and downloads: asked again by status-sync on any failure, so they
	 * never queue and never take the permits kept for the two above.
	 */
	READ(false);

	private final boolean queues;

	CallPriority(boolean queues) {
		this.queues = queues;
	}

	/**
	 * Whether a call of this priority waits (up to the CA rate limiter's
	 * {@code timeout-duration}) for a permit of a coming period.
	 */
	public boolean queues() {
		return queues;
	}

	/**
	 * The priority of one of the adapters' operations (the {@code operation} tag of
	 * {@code rvssl.ca.calls}).
	 */
	public static CallPriority of(String operation) {
		return switch (operation) {
			case "place", "find" -> SUBMISSION;
			case "change_dcv", "resend_dcv", "reissue", "cancel" -> CHANGE;
			case "status", "download" -> READ;
			default -> throw new IllegalArgumentException("no budget priority for CA operation " + operation);
		};
	}

}
