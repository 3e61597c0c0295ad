package com.rvssl.order.api;

/**
 * A product code the catalog does not sell, in a path (a 404; in an order body it is a
 * 422 field error).
 */
class ProductNotFoundException extends RuntimeException {

	ProductNotFoundException(String code) {
		super("no product " + code + " in the catalog");
	}

}
