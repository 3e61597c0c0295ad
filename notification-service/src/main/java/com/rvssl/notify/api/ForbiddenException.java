package com.rvssl.notify.api;

/**
 * A known key asking for what it may not do (a reseller replaying, the operator setting a
 * webhook): 403.
 */
class ForbiddenException extends RuntimeException {

	ForbiddenException(String message) {
		super(message);
	}

}
