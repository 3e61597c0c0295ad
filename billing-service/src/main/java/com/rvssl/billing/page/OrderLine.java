package com.rvssl.billing.page;

import com.rvssl.billing.orderstatus.OrderStatus;

/**
 * One of the reseller's orders with its provider status, as the page and its live updates
 * show it.
 */
public record OrderLine(String orderId, String what, String price, String placedAt, String status, String detail) {

	/** The page shows this many of the newest orders. */
	static final int SHOWN = 50;

	static OrderLine of(OrderStatus order) {
		String price = (order.amount() != null) ? MoneyText.of(order.amount(), order.currency()) : "";
		return new OrderLine(order.orderId(), describe(order), price,
				(order.placedAt() != null) ? TimeText.of(order.placedAt()) : "", order.statusWords(),
				(order.detail() != null) ? order.detail() : "");
	}

	/**
	 * "DV-SINGLE for example.com"; empty until billing has heard the order was placed.
	 */
	static String describe(OrderStatus order) {
		if (order.productCode() == null) {
			return "";
		}
		return order.productCode() + (order.domains().isEmpty() ? "" : " for " + String.join(", ", order.domains()));
	}

}
