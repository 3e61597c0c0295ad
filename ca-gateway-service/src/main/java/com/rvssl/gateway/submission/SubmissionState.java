package com.rvssl.gateway.submission;

/**
 * Where a submission stands. {@code SUBMITTING} is a claim: whoever moved the record
 * there is the only one talking to the CA about it (a claim older than the stale limit
 * means that one crashed).
 */
public enum SubmissionState {

	/** Known from OrderPlaced; waits for PaymentCaptured. */
	AWAITING_PAYMENT,
	/** Claimed; a call to the CA is in flight. */
	SUBMITTING,
	/** The CA could not be reached; tried again at {@code nextAttemptAt}. */
	RETRYING,
	/** The CA accepted the order ({@code caOrderId}). */
	SUBMITTED,
	/** The CA refused the order for good. */
	FAILED,
	/**
	 * Cancelled here; an order that may exist at the CA still has to be cancelled there.
	 */
	CANCELLING,
	/** Cancelled, at the CA too where it had an order. */
	CANCELLED

}
