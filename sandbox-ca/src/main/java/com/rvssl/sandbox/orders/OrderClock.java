package com.rvssl.sandbox.orders;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The CA's own clock: moves on every open order whose time has come (an approval
 * deadline, the next look for an HTTP or DNS proof, the end of an OV/EV step), as a CA
 * does by itself, so that an order nobody asks about is issued, and pushed, when its
 * validation completes. A tick with nothing due costs one look at the queue's head.
 */
@Component
class OrderClock {

	private final OrderDesk desk;

	OrderClock(OrderDesk desk) {
		this.desk = desk;
	}

	@Scheduled(fixedDelayString = "${sandbox.validation.tick:PT0.2S}")
	void tick() {
		this.desk.runDue();
	}

}
