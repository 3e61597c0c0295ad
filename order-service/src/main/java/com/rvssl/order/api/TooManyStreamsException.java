package com.rvssl.order.api;

/** A key asked for one more status stream than it may hold open. */
class TooManyStreamsException extends RuntimeException {

	TooManyStreamsException(int max) {
		super("this API key already holds " + max + " open status streams, the most it may; close one first");
	}

}
