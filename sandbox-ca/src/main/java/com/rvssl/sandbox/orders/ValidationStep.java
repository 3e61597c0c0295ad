package com.rvssl.sandbox.orders;

import java.util.Locale;

/**
 * Where a pending order stands in the CA's checks. A DV order waits for domain control
 * only; an OV or EV order waits for the organisation's documents, then the verification
 * call, then the CA's final review.
 */
public enum ValidationStep {

	DOMAIN_CONTROL, DOCUMENTS_REQUESTED, VERIFICATION_CALL_PENDING, UNDER_REVIEW;

	/** The first step of an order of this level. */
	static ValidationStep first(ValidationLevel level) {
		return (level == ValidationLevel.DV) ? DOMAIN_CONTROL : DOCUMENTS_REQUESTED;
	}

	/** The step after this one, or null when the next move is issuance. */
	ValidationStep next() {
		return switch (this) {
			case DOMAIN_CONTROL, UNDER_REVIEW -> null;
			case DOCUMENTS_REQUESTED -> VERIFICATION_CALL_PENDING;
			case VERIFICATION_CALL_PENDING -> UNDER_REVIEW;
		};
	}

	/**
	 * The lower-case form the sandbox's APIs print ({@code documents_requested}, ...).
	 */
	public String apiValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
