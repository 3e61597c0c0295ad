package com.rvssl.statussync.api;

/** A push without the right secret: answered 401, and nothing is checked. */
public class PushRefusedException extends RuntimeException {

	public PushRefusedException(String message) {
		super(message, null, false, false);
	}

}
