package com.rvssl.sandbox.faults;

/** What a fault does to a CA API request. */
public enum FaultMode {

	/** 503 without touching the request. */
	OUTAGE,
	/** Waits {@code latencyMillis}, then serves the request. */
	LATENCY,
	/** 500 with DigiCert's {@code internal_error}. */
	ERROR_5XX,
	/** 429 with {@code request_limit_exceeded}. */
	RATE_LIMIT,
	/**
	 * Serves the request fully (an order is created), then answers 504 without a body.
	 */
	LOST_REPLY,
	/** 200 with a body that is not JSON. */
	MALFORMED

}
