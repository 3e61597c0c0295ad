package com.rvssl.gateway.adapters;

/**
 * What a CA call is for, which decides how it draws on the CA's budget
 * ({@link CaBudget}): waiting calls are served by rank, the lowest first, and in arrival
 * order within a rank.
 */
public enum CallPriority {

	/**
	 * Downloading a certificate the CA has issued: it finishes an order whose customer
	 * waits for it, and there is at most one per issuance, so it goes first and cannot
	 * flood the budget. It waits briefly (within status-sync's time-out).
	 */
	DOWNLOAD(0, true),

	/** Placing an order, and the search by reference that settles one. */
	SUBMISSION(1, true),

	/**
	 * DCV changes and resends, reissues, cancels: applied once from an event and not
	 * asked again on failure, so they wait in line with submissions.
	 */
	CHANGE(1, true),

	/**
	 * Status reads: asked again by status-sync on any failure, so they never wait and
	 * never take the permits kept for the others.
	 */
	STATUS(2, false);

	private final int rank;

	private final boolean queues;

	CallPriority(int rank, boolean queues) {
		this.rank = rank;
		this.queues = queues;
	}

	/** Waiting calls of a lower rank are served first. */
	int rank() {
		return this.rank;
	}

	/** Whether a call of this priority may wait for a permit of a coming period. */
	public boolean queues() {
		return this.queues;
	}

	/**
	 * The priority of one of the adapters' operations (the {@code operation} tag of
	 * {@code rvssl.ca.calls}).
	 */
	public static CallPriority of(String operation) {
		return switch (operation) {
			case "place", "find" -> SUBMISSION;
			case "change_dcv", "resend_dcv", "reissue", "cancel" -> CHANGE;
			case "download" -> DOWNLOAD;
			case "status" -> STATUS;
			default -> throw new IllegalArgumentException("no budget priority for CA operation " + operation);
		};
	}

}
