package com.rvssl.gateway.submission;

/** How one submission attempt ended. */
sealed interface SubmissionOutcome {

	/**
	 * The CA holds the order; {@code adopted} when found by reference rather than placed
	 * by this call; {@code uncertain} when a call of this claim's history was cut short
	 * (an earlier attempt, or a place that failed in this one), so the CA may still make
	 * another order of this reference late.
	 */
	record Accepted(String caOrderId, boolean adopted, boolean uncertain) implements SubmissionOutcome {

		Accepted(String caOrderId, boolean adopted) {
			this(caOrderId, adopted, false);
		}

	}

	/** The CA said no for good. */
	record Refused(String reason) implements SubmissionOutcome {
	}

	/**
	 * The CA could not be reached (or did not say); try again later, looking up the
	 * reference first. {@code placeUnanswered} when a place of this attempt got no
	 * answer: the CA may still be making that order, so the next look-up must wait until
	 * it would have been made.
	 */
	record Unavailable(String reason, boolean placeUnanswered) implements SubmissionOutcome {

		Unavailable(String reason) {
			this(reason, false);
		}

	}

}
