package com.rvssl.billing.orderstatus;

/**
 * The status an order shows in the reseller's account on the provider's site, in exactly
 * the words order-service's provider view uses. {@code rank} only goes up: an order's
 * status moves forward, so an event redelivered late (a "Paid" after "Complete") cannot
 * move it back. The statuses of one rank may repeat (another retry, another validation
 * step) and then only refresh the detail.
 */
public enum ProviderStatus {

	PROCESSING("Processing", 0), WAITING_FOR_PAYMENT("Waiting for Payment", 1), PAID("Paid", 2),
	SUBMISSION_RETRYING("Submission retrying", 3), SUBMITTED("Submitted", 4),
	PENDING_VALIDATION("Pending Validation", 5), COMPLETE("Complete", 9), REJECTED("Rejected", 9),
	CANCELLED("Cancelled", 9);

	private final String words;

	private final int rank;

	ProviderStatus(String words, int rank) {
		this.words = words;
		this.rank = rank;
	}

	public String words() {
		return words;
	}

	public boolean isFinal() {
		return rank == 9;
	}

	/**
	 * Whether an order showing this status may show {@code next}: forward only, finals
	 * never change.
	 */
	public boolean mayBecome(ProviderStatus next) {
		if (isFinal()) {
			return false;
		}
		return next.rank > rank || (next == this && (this == SUBMISSION_RETRYING || this == PENDING_VALIDATION));
	}

}
