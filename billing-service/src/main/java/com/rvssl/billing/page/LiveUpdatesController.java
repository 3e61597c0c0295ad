package com.rvssl.billing.page;

import java.util.List;

import com.rvssl.billing.charging.PendingWork;
import com.rvssl.billing.orderstatus.OrderStatusProjection;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the open account page polls for (every {@code rvssl.page.live-interval}), to move
 * the orders' statuses, the balance and the queue on without a reload: the same lines as
 * the page's, as JSON.
 */
@RestController
class LiveUpdatesController {

	private final PendingWork accounts;

	private final OrderStatusProjection orders;

	LiveUpdatesController(PendingWork accounts, OrderStatusProjection orders) {
		this.accounts = accounts;
		this.orders = orders;
	}

	@GetMapping("/account/live")
	Mono<Live> live(@AuthenticationPrincipal String resellerId) {
		return accounts.settledAccount(resellerId)
			.zipWith(orders.ofReseller(resellerId, OrderLine.SHOWN).collectList())
			.map((parts) -> new Live(MoneyText.of(parts.getT1().balance(), parts.getT1().currency()),
					WaitingLine.of(parts.getT1(), parts.getT2()), parts.getT2().stream().map(OrderLine::of).toList()));
	}

	public record Live(String balance, List<WaitingLine> waiting, List<OrderLine> orders) {
	}

}
