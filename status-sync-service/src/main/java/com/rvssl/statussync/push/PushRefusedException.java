package com.rvssl.statussync.push;

/** A push without the right secret: answered 401, and nothing is checked. */
public class PushRefusedException extends RuntimeException {

	public PushRefusedException(String message) {
		super(message, null, false, false);
	}

}
