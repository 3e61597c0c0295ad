package com.rvssl.sandbox.api.digicert;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.rvssl.sandbox.orders.CaOrder;

/**
 * The reply to {@code GET /services/v2/order/certificate} (the order list and its
 * search).
 */
record OrderList(List<Entry> orders, Page page) {

	record Entry(long id, String status, String comments, Product product, Certificate certificate) {
	}

	record Product(@JsonProperty("name_id") String nameId) {
	}

	record Certificate(@JsonProperty("common_name") String commonName) {
	}

	record Page(int total, int limit, int offset) {
	}

	static OrderList of(List<CaOrder> matching, int limit, int offset) {
		List<Entry> entries = matching.stream()
			.skip(offset)
			.limit(limit)
			.map((order) -> new Entry(order.id(), OrderDetails.status(order), order.reference(),
					new Product(order.product()), new Certificate(order.commonName())))
			.toList();
		return new OrderList(entries, new Page(matching.size(), limit, offset));
	}
}
