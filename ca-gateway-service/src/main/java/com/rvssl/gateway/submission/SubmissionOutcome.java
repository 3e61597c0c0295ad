package com.rvssl.gateway.submission;

/** How one submission attempt ended. */
sealed interface SubmissionOutcome {

	/**
	 * The CA holds the order; {@code adopted} when found by reference rather than placed
	 * by this call.
	 */
	record Accepted(String caOrderId, boolean adopted) implements SubmissionOutcome {
	}

	/** The CA said no for good. */
	record Refused(String reason) implements SubmissionOutcome {
	}

	/**
	 * The CA could not be reached (or did not say); try again later, looking up the
	 * reference first.
	 */
	record Unavailable(String reason) implements SubmissionOutcome {
	}

}
