package com.rvssl.gateway.api;

/** No submission (or no CA order) of this order id: 404. */
class OrderNotFound extends RuntimeException {

	OrderNotFound(String message) {
		super(message);
	}

}
