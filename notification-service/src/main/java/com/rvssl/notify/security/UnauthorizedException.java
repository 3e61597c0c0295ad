package com.rvssl.notify.security;

/** No API key, or one nobody here knows: 401. */
public class UnauthorizedException extends RuntimeException {

	UnauthorizedException(String message) {
		super(message);
	}

}
