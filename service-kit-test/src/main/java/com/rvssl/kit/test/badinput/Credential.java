package com.rvssl.kit.test.badinput;

/** Whose API key a generated request carries. */
public enum Credential {

	/**
	 * One of the run's own resellers (a pool, so a per-key rate limit is not the answer).
	 */
	RESELLER,

	/** The operator. */
	OPERATOR,

	/** No {@code Authorization} header at all. */
	NONE,

	/** Headers the generator wrote itself (malformed, unknown or duplicated keys). */
	RAW

}
