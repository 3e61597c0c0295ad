package com.rvssl.notify.security;

/** A known caller asking for what only the operator may do: 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
