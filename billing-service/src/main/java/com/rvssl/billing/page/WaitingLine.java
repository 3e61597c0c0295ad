package com.rvssl.billing.page;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rvssl.billing.accounts.Account;
import com.rvssl.billing.orderstatus.OrderStatus;

/**
 * An order waiting for payment, oldest first, described by its projected status where
 * billing has one.
 */
public record WaitingLine(String orderId, String what, String amount, String placedAt, String status) {

	static List<WaitingLine> of(Account account, List<OrderStatus> statuses) {
		Map<String, OrderStatus> byId = statuses.stream()
			.collect(Collectors.toMap(OrderStatus::orderId, Function.identity(), (first, second) -> first));
		return account.waiting().stream().map((order) -> {
			OrderStatus status = byId.get(order.orderId());
			return new WaitingLine(order.orderId(), (status != null) ? OrderLine.describe(status) : "",
					MoneyText.of(order.amount(), account.currency()), TimeText.of(order.placedAt()),
					"Waiting for Payment");
		}).toList();
	}

}
